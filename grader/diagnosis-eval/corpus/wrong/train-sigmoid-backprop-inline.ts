// Replaces: 07-gradient-descent train
// TA: its own backprop takes g′ as a(1 − a) in every layer: right for sigmoid layers only (a tanh layer is wrong).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { loss } from "../../../../solutions/06-gradients/gradients.ts";
import type { TrainOptions, TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let net = layers.map((l) => ({ W: l.W.map((r) => [...r]), b: [...l.b], activation: l.activation }));
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let n = 0; n < xs.length; n++) {
      const { a } = forward(net, xs[n]);
      const L = net.length;
      let delta = a[L - 1].map((yh, j) => (yh - ys[n][j]) * yh * (1 - yh));
      for (let l = L - 1; l >= 0; l--) {
        const input = l === 0 ? xs[n] : a[l - 1];
        const back =
          l > 0 ? input.map((ai, r) => ai * (1 - ai) * net[l].W[r].reduce((s, w, j) => s + w * delta[j], 0)) : [];
        net[l].W = net[l].W.map((row, r) => row.map((w, j) => w - options.eta * input[r] * delta[j]));
        net[l].b = net[l].b.map((b, j) => b - options.eta * delta[j]);
        delta = back;
      }
    }
    let total = 0;
    xs.forEach((x, n) => {
      const out = forward(net, x).a;
      total += loss(out[out.length - 1], ys[n]);
    });
    losses.push(total / xs.length);
  }
  return { layers: net, losses };
}
