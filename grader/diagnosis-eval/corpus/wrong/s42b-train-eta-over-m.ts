// Replaces: 07-gradient-descent train
// TA: divides η by the number of instances m at every per-instance step (as if averaging a batch), so each step is η/m times the gradient instead of η times it; with one instance it is right.
// Names: relation-step-scaled
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  const m = xs.length;
  const rate = options.eta / m; // the error is the mean over the m instances
  let current = layers;
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = 0; i < m; i++) current = sgdStep(current, gradients(current, xs[i], ys[i]), rate);
    let total = 0;
    for (let i = 0; i < m; i++) {
      const { a } = forward(current, xs[i]);
      total += loss(a[a.length - 1], ys[i]);
    }
    losses.push(total / m);
  }
  return { layers: current, losses };
}
