// Replaces: 07-gradient-descent train
// TA: correct: the epoch loss with reduce.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss, lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let net = layers;
  const losses: number[] = [];
  for (let e = 0; e < options.epochs; e++) {
    for (let i = 0; i < xs.length; i++) net = sgdStep(net, gradients(net, xs[i], ys[i]), options.eta);
    const total = xs.reduce((s, x, i) => {
      const out = forward(net, x).a;
      return s + loss(out[out.length - 1], ys[i]);
    }, 0);
    losses.push(total / xs.length);
  }
  return { layers: net, losses };
}
