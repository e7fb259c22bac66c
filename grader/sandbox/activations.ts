/**
 * Internal. The activations the kit hands to exercises 04 to 07 (and uses on the
 * trusted side to build the same layers), so that a mistake in exercise 03
 * never costs points in the network exercises.
 */
import type { Activation, ActivationName } from "../../exercises/types.ts";
import { math } from "./math.ts";

// Math as it was before student code ran: a submission that patches Math.exp changes its own
// arithmetic, never the kit's activations.
const { exp, max, tanh } = math;

const LEAK = 0.01;

const table: Record<ActivationName, [(z: number) => number, (z: number) => number]> = {
  sigmoid: [
    (z) => (z < 0 ? exp(z) / (1 + exp(z)) : 1 / (1 + exp(-z))),
    (z) => {
      const s = z < 0 ? exp(z) / (1 + exp(z)) : 1 / (1 + exp(-z));
      return s * (1 - s);
    },
  ],
  tanh: [tanh, (z) => 1 - tanh(z) ** 2],
  relu: [(z) => max(z, 0), (z) => (z > 0 ? 1 : 0)],
  leakyRelu: [(z) => (z > 0 ? z : LEAK * z), (z) => (z > 0 ? 1 : LEAK)],
  identity: [(z) => z, () => 1],
};

export const ACTIVATION_NAMES = Object.keys(table) as ActivationName[];

/** A fresh Activation object; fresh so per-call wrappers (counters) never leak between calls. */
export function activation(name: ActivationName): Activation {
  // Indexes, not destructuring: this runs after student code, which may patch Array's iterator.
  const pair = table[name];
  return { name, g: pair[0], gPrime: pair[1] };
}
