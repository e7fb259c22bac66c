// Replaces: 07-gradient-descent train
// TA: records the epoch's loss before its updates, so the losses lag one epoch.
// Names: train-loss-before-epoch
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss, lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let net = layers;
  const losses: number[] = [];
  const meanLoss = () => xs.reduce((s, x, i) => s + loss(forward(net, x).a[net.length - 1], ys[i]), 0) / xs.length;
  for (let e = 0; e < options.epochs; e++) {
    losses.push(meanLoss());
    xs.forEach((x, i) => {
      net = sgdStep(net, gradients(net, x, ys[i]), options.eta);
    });
  }
  return { layers: net, losses };
}
