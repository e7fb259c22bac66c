import type { ForwardCache, Layer, Vector } from "../types";

class Network {
  private readonly zs: Vector[] = [];
  private readonly outs: Vector[] = [];

  constructor(private readonly layers: Layer[]) {}

  run(input: Vector): ForwardCache {
    let signal = input;
    for (const layer of this.layers) signal = this.through(layer, signal);
    return { f: this.zs, a: this.outs };
  }

  private through(layer: Layer, signal: Vector): Vector {
    const z: Vector = [];
    for (let col = 0; col < layer.b.length; col++) {
      let acc = layer.b[col];
      signal.forEach((s, row) => (acc += s * layer.W[row][col]));
      z.push(acc);
    }
    const out = z.map((value) => layer.activation.g(value));
    this.zs.push(z);
    this.outs.push(out);
    return out;
  }
}

export function forward(layers: Layer[], x: Vector): ForwardCache {
  return new Network(layers).run(x);
}
