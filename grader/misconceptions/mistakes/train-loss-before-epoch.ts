import type { Layer, Vector } from "../../../exercises/types.ts";
import { forward } from "../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../solutions/07-gradient-descent/descent.ts";

/** Records each epoch's mean loss before its steps instead of after them, so losses lag one epoch behind. */
export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const { a } = forward(current, xs[i]);
      total += loss(a[a.length - 1], ys[i]);
    }
    losses.push(total / xs.length);
    for (let i = 0; i < xs.length; i++) {
      current = sgdStep(current, gradients(current, xs[i], ys[i]), options.eta);
    }
  }
  return { layers: current, losses };
}
