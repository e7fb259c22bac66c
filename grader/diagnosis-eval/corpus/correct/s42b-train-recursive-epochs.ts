// Replaces: 07-gradient-descent train
// TA: right: one epoch is a reduce over the instances that steps after each one, and the epochs are a recursion that records the mean loss after each epoch.
// Names: none
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  const epoch = (net: Layer[]) => xs.reduce((cur, x, i) => sgdStep(cur, gradients(cur, x, ys[i]), options.eta), net);
  const meanLoss = (net: Layer[]) =>
    xs.reduce((s, x, i) => {
      const { a } = forward(net, x);
      return s + loss(a[a.length - 1], ys[i]);
    }, 0) / xs.length;
  const run = (net: Layer[], left: number, losses: number[]): TrainResult => {
    if (left === 0) return { layers: net, losses };
    const next = epoch(net);
    return run(next, left - 1, [...losses, meanLoss(next)]);
  };
  return run(layers, options.epochs, []);
}
