/** Builds the network the student's code trains: seeded Glorot-uniform weights, zero biases. */
import type { Layer } from "../../../exercises/types.ts";
import { activation } from "../../sandbox/activations.ts";
import { rng } from "./datasets.ts";
import type { Setup } from "./state.ts";

/** Widths front to back: two inputs, the hidden layers, one output. */
export function widths(setup: Setup): number[] {
  return [2, ...setup.hidden, 1];
}

export function initialLayers(setup: Setup): Layer[] {
  const random = rng(setup.initSeed ^ 0x9e3779b9);
  const n = widths(setup);
  return setup.act.map((name, i) => {
    // Glorot: keeps the variance of f about the same from layer to layer, so tanh and sigmoid start unsaturated.
    const limit = Math.sqrt(6 / (n[i] + n[i + 1]));
    const W = Array.from({ length: n[i] }, () => Array.from({ length: n[i + 1] }, () => (2 * random() - 1) * limit));
    return { W, b: new Array(n[i + 1]).fill(0), activation: activation(name) };
  });
}

/** A deep copy of the numbers; the activation objects are shared. */
export function cloneLayers(layers: Layer[]): Layer[] {
  return layers.map((l) => ({ W: l.W.map((row) => [...row]), b: [...l.b], activation: l.activation }));
}
