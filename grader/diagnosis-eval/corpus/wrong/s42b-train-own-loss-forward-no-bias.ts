// Replaces: 07-gradient-descent train
// TA: its own forward pass for the recorded loss leaves b^[l] out of f^[l], so losses are measured on the wrong ŷ; the steps and the trained layers are right.
// Names: forward-no-bias
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

function predictNet(net: Layer[], x: Vector): Vector {
  let act = x;
  for (const { W, activation } of net) {
    act = W[0].map((_, j) => activation.g(act.reduce((s, ar, r) => s + W[r][j] * ar, 0)));
  }
  return act;
}

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let net = layers;
  const losses: number[] = [];
  for (let e = 0; e < options.epochs; e++) {
    for (let i = 0; i < xs.length; i++) net = sgdStep(net, gradients(net, xs[i], ys[i]), options.eta);
    const total = xs.reduce((s, x, i) => s + loss(predictNet(net, x), ys[i]), 0);
    losses.push(total / xs.length);
  }
  return { layers: net, losses };
}
