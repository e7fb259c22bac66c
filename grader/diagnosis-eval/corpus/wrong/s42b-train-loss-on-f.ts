// Replaces: 07-gradient-descent train
// TA: the recorded loss compares f^[L] with y instead of ŷ = a^[L] = g^[L](f^[L]), so losses skip the output activation; the steps and the trained layers are right.
// Names: relation-f-for-a
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  const L = layers.length;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = 0; i < xs.length; i++) {
      current = sgdStep(current, gradients(current, xs[i], ys[i]), options.eta);
    }
    let total = 0;
    for (let i = 0; i < xs.length; i++) total += loss(forward(current, xs[i]).f[L - 1], ys[i]);
    losses.push(total / xs.length);
  }
  return { layers: current, losses };
}
