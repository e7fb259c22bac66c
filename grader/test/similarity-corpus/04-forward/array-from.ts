import type { ForwardCache, Layer, Vector } from "../types";

type Step = { z: Vector; out: Vector };

function layerStep(layer: Layer, input: Vector): Step {
  const nOut = layer.b.length;
  const z = Array.from(
    { length: nOut },
    (_, j) => input.reduce((sum, value, i) => sum + value * layer.W[i][j], 0) + layer.b[j],
  );
  return { z, out: z.map((v) => layer.activation.g(v)) };
}

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const steps: Step[] = [];
  for (let i = 0; i < layers.length; i++) steps.push(layerStep(layers[i], i === 0 ? x : steps[i - 1].out));
  return { f: steps.map((s) => s.z), a: steps.map((s) => s.out) };
}
