// Replaces: 07-gradient-descent train
// TA: records Σ (ŷ − y)² without the ½, so every loss is twice ε.
// Names: relation-scaled
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    xs.forEach((x, i) => (current = sgdStep(current, gradients(current, x, ys[i]), options.eta)));
    let sum = 0;
    xs.forEach((x, i) => {
      const out = forward(current, x).a[current.length - 1];
      out.forEach((o, j) => (sum += (o - ys[i][j]) ** 2));
    });
    losses.push(sum / xs.length);
  }
  return { layers: current, losses };
}
