/**
 * Internal. A view is one quantity a layer computes (f^[l], a^[l], δ^[l],
 * dW^[l], db^[l], W^[l], b^[l]), with the step that computes it from the one
 * before it and the known wrong ways to take that step; see layers.ts.
 */
import type { ActivationName } from "../../exercises/types.ts";
import { activation } from "../sandbox/activations.ts";
import { isMat, isVec, type Mat, type Num, type Vec } from "./numeric.ts";

/** A wrong step, and what it gives. `rel` is a relation id (relations.ts); "a+b" is two at once. */
export interface Variant {
  rel: string;
  /** The constant of a scaled step. */
  k?: number;
  /** For a value due in another layer: how many layers away (−1: the one before). */
  offset?: number;
  value: Num | undefined;
}

export interface Steps {
  /** The right step from the student's own upstream value. */
  right?: Num;
  variants: Variant[];
}

export interface View {
  label: string;
  symbol: string;
  path: (string | number)[];
  expected: Num;
  /** A scalar output, checked as a vector of one. */
  scalar?: boolean;
  /** The view this one is computed from, when the student's value of it is visible. */
  upstream?: number;
  /**
   * A later view computed from this one's value (dW^[l] from δ^[l], which gradients returns as db^[l]): where that
   * view is right, though computed from this wrong value it would not be, the mistake here did not reach it, so it
   * is no step that computes this value for both (analyse.ts).
   */
  feeds?: number;
  steps: (received: (view: number) => Num | undefined) => Steps;
  /** g′(f^[l]) and g′(a^[l]), for the factor relations. */
  gpf?: Vec;
  gpa?: Vec;
  /** Values due elsewhere that a student may return here (a^[l] for f^[l], …). */
  swaps?: Variant[];
  /**
   * Its entries are a program's nodes, not a layer's units: right numbers in the wrong places there come from
   * the wrong operand's value (x's for y's in x·y), not from an order, and "order" is not named.
   */
  nodes?: boolean;
}

export interface LayerJson {
  W: Mat;
  b: Vec;
  activation: ActivationName;
}

export const NO_STEPS = (): Steps => ({ variants: [] });

export function validLayers(v: unknown): v is LayerJson[] {
  return Array.isArray(v) && v.length > 0 && v.every((l) => l && isMat(l.W) && isVec(l.b));
}

export function gPrimeOf(layer: LayerJson): (z: number) => number {
  return activation(layer.activation).gPrime;
}

export function vecOf(v: Num | undefined, length: number): Vec | undefined {
  return isVec(v) && v.length === length ? v : undefined;
}

/** Square and not symmetric: only then are W and Wᵀ both usable and told apart. */
export function transposable(m: Mat): boolean {
  return m.length === m[0].length && m.some((row, r) => row.some((v, c) => v !== m[c][r]));
}
