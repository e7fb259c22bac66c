// Replaces: 07-gradient-descent train
// TA: losses[e] is the mean of each instance's ε taken during the epoch, just before that instance's own step, instead of the mean ε over all instances measured after the epoch's last step.
// Names: none
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let epochLoss = 0;
    for (let i = 0; i < xs.length; i++) {
      const out = forward(current, xs[i]).a;
      epochLoss += loss(out[out.length - 1], ys[i]);
      current = sgdStep(current, gradients(current, xs[i], ys[i]), options.eta);
    }
    losses.push(epochLoss / xs.length);
  }
  return { layers: current, losses };
}
