// Replaces: 07-gradient-descent train
// TA: computes all of an epoch's gradients from the layers as they were at the start of the epoch, then takes the m steps with them, instead of computing each instance's gradient from the layers as updated so far.
// Names: none
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const grads = xs.map((x, i) => gradients(current, x, ys[i]));
    for (const g of grads) current = sgdStep(current, g, options.eta);
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const { a } = forward(current, xs[i]);
      total += loss(a[a.length - 1], ys[i]);
    }
    losses.push(total / xs.length);
  }
  return { layers: current, losses };
}
