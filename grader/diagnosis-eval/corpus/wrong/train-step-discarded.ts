// Replaces: 07-gradient-descent train
// TA: calls sgdStep but throws its result away (sgdStep is pure), so every step starts from the original layers and the layers returned are the ones passed in.
// Names: relation-no-update
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = 0; i < xs.length; i++) {
      sgdStep(layers, gradients(layers, xs[i], ys[i]), options.eta);
    }
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const cache = forward(layers, xs[i]);
      total += loss(cache.a[layers.length - 1], ys[i]);
    }
    losses.push(total / xs.length);
  }
  return { layers, losses };
}
