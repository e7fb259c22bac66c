import type { Matrix, Vector } from "../types";

/** Rows × columns of a matrix, or the length of a vector, for error messages. */
function dims(value: Vector | Matrix): string {
  for (const first of value) return Array.isArray(first) ? `${value.length}×${first.length}` : `${value.length}`;
  return "0";
}

export function shape(A: Matrix): [number, number] {
  let width: number | undefined;
  for (const row of A) {
    width ??= row.length;
    if (row.length !== width) throw new Error(`inconsistent rows: ${width} and ${row.length}`);
  }
  return [A.length, width ?? 0];
}

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new Error(`mismatched lengths ${w.length} and ${x.length}`);
  let result = 0;
  for (const [i, wi] of w.entries()) result += wi * x[i];
  return result;
}

export function outer(u: Vector, v: Vector): Matrix {
  const rows: Matrix = [];
  for (const ui of u) {
    const row: Vector = [];
    for (const vj of v) row.push(ui * vj);
    rows.push(row);
  }
  return rows;
}

export function transpose(A: Matrix): Matrix {
  const [, width] = shape(A);
  const out: Matrix = Array.from({ length: width }, () => []);
  for (const row of A) for (const [c, value] of row.entries()) out[c].push(value);
  return out;
}

export function matVec(A: Matrix, x: Vector): Vector {
  const [h, w] = shape(A);
  if (h > 0 && w !== x.length) throw new Error(`matVec: ${dims(A)} matrix, vector of length ${x.length}`);
  const out: Vector = [];
  for (const row of A) out.push(dot(row, x));
  return out;
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  if (dims(A) !== dims(B) || A.length !== B.length) throw new Error(`hadamard: ${dims(A)} vs ${dims(B)}`);
  const out: unknown[] = [];
  for (const [i, a] of (A as unknown[]).entries()) {
    const b = (B as unknown[])[i];
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) throw new Error(`hadamard: ${dims(A)} vs ${dims(B)}`);
      const row: Vector = [];
      for (const [j, aj] of a.entries()) row.push(aj * b[j]);
      out.push(row);
    } else if (typeof a === "number" && typeof b === "number") {
      out.push(a * b);
    } else {
      throw new Error(`hadamard: ${dims(A)} vs ${dims(B)}`);
    }
  }
  return out as T;
}
