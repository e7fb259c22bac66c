/**
 * Internal. Vectors and matrices for the diagnoser, which reads hostile data:
 * every helper checks shapes itself, loops instead of recursing, and treats
 * anything that is not a finite-shaped array of numbers as "not a value".
 */
import { closeRule, type NumberRule } from "../engine/compare.ts";

export type Vec = number[];
export type Mat = number[][];
export type Num = Vec | Mat;

/** Looser than the cases' own tolerance: a mistake made with other rounding is still that mistake. */
export const SAME: NumberRule = closeRule(1e-6, 1e-9);

export function isVec(v: unknown): v is Vec {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "number") return false;
  return true;
}

export function isMat(v: unknown): v is Mat {
  if (!Array.isArray(v) || v.length === 0 || !isVec(v[0])) return false;
  const cols = (v[0] as Vec).length;
  for (let i = 0; i < v.length; i++) if (!isVec(v[i]) || (v[i] as Vec).length !== cols) return false;
  return true;
}

export function isNum(v: unknown): v is Num {
  return isVec(v) || isMat(v);
}

export function flat(v: Num): Vec {
  return isMat(v) ? v.flat() : (v as Vec);
}

/** [rows, cols], or [length] for a vector. */
export function shapeOf(v: Num): number[] {
  return isMat(v) ? [v.length, v[0].length] : [v.length];
}

export function sameShape(a: Num, b: Num): boolean {
  const x = shapeOf(a);
  const y = shapeOf(b);
  return x.length === y.length && x.every((n, i) => n === y[i]);
}

/** Two numbers agree: the same value (also NaN, ±∞), or finite and within the rule. */
export function agree(e: number, r: number, rule: NumberRule): boolean {
  return Object.is(e, r) || e === r || (!Number.isNaN(r) && !Number.isNaN(e) && rule(e, r));
}

/** `received` has `expected`'s shape and every entry agrees under `rule`. */
export function near(expected: Num, received: unknown, rule: NumberRule = SAME): boolean {
  if (!isNum(received) || !sameShape(expected, received)) return false;
  const e = flat(expected);
  const r = flat(received);
  for (let i = 0; i < e.length; i++) if (!agree(e[i], r[i], rule)) return false;
  return true;
}

/** Indices (into the flattened value) where `received` disagrees with `expected`. */
export function differing(expected: Num, received: Num, rule: NumberRule): number[] {
  const e = flat(expected);
  const r = flat(received);
  const out: number[] = [];
  for (let i = 0; i < e.length; i++) if (!agree(e[i], r[i], rule)) out.push(i);
  return out;
}

export function map(v: Num, f: (x: number, i: number) => number): Num {
  if (isMat(v)) {
    const cols = v[0].length;
    return v.map((row, r) => row.map((x, c) => f(x, r * cols + c)));
  }
  return (v as Vec).map(f);
}

export function transpose(m: Mat): Mat {
  return m[0].map((_, c) => m.map((row) => row[c]));
}

/** Σ_c M[r][c] v_c for each row r; undefined when the lengths do not fit. */
export function matVec(m: Mat, v: Vec): Vec | undefined {
  if (m.length === 0 || m[0].length !== v.length) return undefined;
  return m.map((row) => row.reduce((s, x, c) => s + x * v[c], 0));
}

export function outer(u: Vec, v: Vec): Mat {
  return u.map((x) => v.map((y) => x * y));
}

export function times(u: Vec, v: Vec): Vec | undefined {
  return u.length === v.length ? u.map((x, i) => x * v[i]) : undefined;
}

export function plus(u: Vec, v: Vec): Vec | undefined {
  return u.length === v.length ? u.map((x, i) => x + v[i]) : undefined;
}

export function isFiniteNum(v: Num): boolean {
  return flat(v).every(Number.isFinite);
}
