/**
 * The gradient check: the student's backprop (their `gradients`) against
 * central differences of their own `forward` and `loss`, layer by layer, with
 * the relative-error bands of exercise 08 (cs231n's). It needs no reference
 * solution: a correct backprop agrees with its own forward pass.
 */
import type { Layer, Vector } from "../../../exercises/types.ts";
import { cloneLayers } from "./network.ts";
import * as s from "./student.ts";

export const H = 1e-5;

/** cs231n: > 1e-2 probably wrong; 1e-4 … 1e-2 uncomfortable; below 1e-4 fine with kinks (relu), 1e-7 fine without. */
export type Band = "agree" | "uneasy" | "wrong";

export function band(relErr: number, kinks: boolean): Band {
  if (relErr > 1e-2) return "wrong";
  if (relErr > 1e-4) return "uneasy";
  if (relErr > 1e-7 && !kinks) return "uneasy";
  return "agree";
}

/** |a − n| / max(|a|, |n|), 0 when both are 0, as in exercise 08. */
export function relativeError(a: number, n: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(n));
  return scale === 0 ? 0 : Math.abs(a - n) / scale;
}

/** Below this size a difference of gradients is rounding, not a disagreement (ε is O(1), h = 1e-5). */
const FLOOR = 1e-9;

/** The relative error of two arrays of numbers as wholes: ‖a − n‖ / max(‖a‖, ‖n‖). */
export function arrayError(a: number[], n: number[]): number {
  let diff = 0;
  let na = 0;
  let nn = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - n[i]) ** 2;
    na += a[i] ** 2;
    nn += n[i] ** 2;
  }
  const scale = Math.sqrt(Math.max(na, nn));
  return scale < FLOOR ? 0 : Math.sqrt(diff) / scale;
}

export interface Numeric {
  dW: number[][][];
  db: number[][];
}

/** dε/dW and dε/db by central differences of the student's forward and loss. */
export function numericGradients(fns: s.StudentFns, layers: Layer[], x: Vector, y: Vector): Numeric {
  const work = cloneLayers(layers);
  const eps = () => {
    const { a } = s.forward(fns, work, x);
    return s.loss(fns, a[a.length - 1], y);
  };
  const central = (get: () => number, set: (v: number) => void) => {
    const v = get();
    set(v + H);
    const plus = eps();
    set(v - H);
    const minus = eps();
    set(v);
    return (plus - minus) / (2 * H);
  };
  return {
    dW: work.map((l) =>
      l.W.map((row) =>
        row.map((_, j) =>
          central(
            () => row[j],
            (v) => (row[j] = v),
          ),
        ),
      ),
    ),
    db: work.map((l) =>
      l.b.map((_, j) =>
        central(
          () => l.b[j],
          (v) => (l.b[j] = v),
        ),
      ),
    ),
  };
}

/**
 * dε/dŷ = ŷ − y for ε = ½‖ŷ − y‖², computed here rather than by the student's lossGradient (06), so that
 * deltas (05) can be run and checked before 06 is begun.
 */
export function errorGradient(yHat: Vector, y: Vector): Vector {
  return yHat.map((v, j) => v - y[j]);
}

export interface LayerVerdict {
  /** 1 … L, the lecture's numbering. */
  layer: number;
  relErr: number;
  band: Band;
}

export interface CheckResult {
  layers: LayerVerdict[];
  /** The first layer, going back from the output as backprop does, whose gradient is wrong. */
  firstWrong?: number;
  instances: number;
}

/** Which instances to check: the one opened up and a few spread over the data. */
export function sampleInstances(m: number, pick: number, count = 4): number[] {
  const spread = Array.from({ length: count }, (_, k) => Math.floor(((k + 0.5) * m) / count));
  return [...new Set([pick, ...spread])].filter((i) => i >= 0 && i < m);
}

export function gradientCheck(
  fns: s.StudentFns,
  layers: Layer[],
  xs: Vector[],
  ys: Vector[],
  which: number[],
): CheckResult {
  const kinks = layers.some((l) => l.activation.name === "relu" || l.activation.name === "leakyRelu");
  const worst = layers.map(() => 0);
  for (const i of which) {
    // deltas first, on its own: a NaN or a wrong shape is then named where it starts, not in gradients.
    const cache = s.forward(fns, layers, xs[i]);
    s.deltas(fns, layers, cache, errorGradient(cache.a[layers.length - 1], ys[i]));
    const analytic = s.gradients(fns, layers, xs[i], ys[i]);
    const numeric = numericGradients(fns, layers, xs[i], ys[i]);
    layers.forEach((_, l) => {
      const a = [...analytic.dW[l].flat(), ...analytic.db[l]];
      const n = [...numeric.dW[l].flat(), ...numeric.db[l]];
      worst[l] = Math.max(worst[l], arrayError(a, n));
    });
  }
  const verdicts = worst.map((relErr, l) => ({ layer: l + 1, relErr, band: band(relErr, kinks) }));
  const firstWrong = [...verdicts].reverse().find((v) => v.band === "wrong")?.layer;
  return { layers: verdicts, firstWrong, instances: which.length };
}
