import type { Matrix, Vector } from "../types";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (m: Vector | Matrix) => (Array.isArray(m[0]) ? `${m.length}×${(m[0] as Vector).length}` : `${m.length}`);

export const outer = (u: Vector, v: Vector): Matrix => u.map((a) => v.map((b) => a * b));

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new RangeError(`dot: ${w.length} ≠ ${x.length}`);
  return sum(w.map((wi, i) => wi * x[i]));
}

export function shape(A: Matrix): [number, number] {
  const widths = new Set(A.map((r) => r.length));
  if (widths.size > 1) throw new RangeError(`ragged: row widths ${[...widths].join(", ")}`);
  return [A.length, A.length ? A[0].length : 0];
}

export const transpose = (A: Matrix): Matrix => {
  const [, c] = shape(A);
  return Array.from({ length: c }, (_, j) => A.map((row) => row[j]));
};

export function matVec(A: Matrix, x: Vector): Vector {
  const [r, c] = shape(A);
  if (r && c !== x.length) throw new RangeError(`matVec: ${r}×${c} and ${x.length}`);
  return A.map((row) => dot(row, x));
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const bad = () => new RangeError(`hadamard: ${fmt(A)} and ${fmt(B)}`);
  if (A.length !== B.length) throw bad();
  return (A as unknown[]).map((a, i) => {
    const b = (B as unknown[])[i];
    if (Array.isArray(a) !== Array.isArray(b)) throw bad();
    if (!Array.isArray(a)) return (a as number) * (b as number);
    if (a.length !== (b as Vector).length) throw bad();
    return a.map((aj: number, j: number) => aj * (b as Vector)[j]);
  }) as T;
}
