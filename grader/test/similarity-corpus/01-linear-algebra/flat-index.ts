import type { Matrix, Vector } from "../types";

// Works on a flat copy of the entries with an explicit stride, as numeric libraries store matrices.
interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

function toDense(A: Matrix): Dense {
  const [rows, cols] = shape(A);
  const data = new Float64Array(rows * cols);
  A.forEach((row, r) => data.set(row, r * cols));
  return { rows, cols, data };
}

function toRows({ rows, cols, data }: Dense): Matrix {
  const out: Matrix = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(data.subarray(r * cols, (r + 1) * cols)));
  return out;
}

export function shape(A: Matrix): [number, number] {
  const c = A[0]?.length ?? 0;
  const bad = A.findIndex((row) => row.length !== c);
  if (bad >= 0) throw new Error(`row ${bad} has ${A[bad].length} columns, row 0 has ${c}`);
  return [A.length, c];
}

export function transpose(A: Matrix): Matrix {
  const d = toDense(A);
  const t = new Float64Array(d.data.length);
  for (let k = 0; k < d.data.length; k++) {
    const r = Math.floor(k / d.cols);
    const c = k % d.cols;
    t[c * d.rows + r] = d.data[k];
  }
  return toRows({ rows: d.cols, cols: d.rows, data: t });
}

export function matVec(A: Matrix, x: Vector): Vector {
  const d = toDense(A);
  if (d.rows > 0 && d.cols !== x.length) throw new Error(`shape ${d.rows}×${d.cols} cannot take ${x.length} entries`);
  const y = new Array<number>(d.rows).fill(0);
  for (let k = 0; k < d.data.length; k++) y[Math.floor(k / d.cols)] += d.data[k] * x[k % d.cols];
  return y;
}

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new Error(`lengths ${w.length} and ${x.length} differ`);
  return matVec([w], x)[0];
}

export function outer(u: Vector, v: Vector): Matrix {
  const data = new Float64Array(u.length * v.length);
  for (let k = 0; k < data.length; k++) data[k] = u[Math.floor(k / v.length)] * v[k % v.length];
  return toRows({ rows: u.length, cols: v.length, data });
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const isMatrix = (M: Vector | Matrix) => M.length > 0 && Array.isArray(M[0]);
  const name = (M: Vector | Matrix) => (isMatrix(M) ? `${M.length}×${(M as Matrix)[0].length}` : `${M.length}`);
  if (isMatrix(A) !== isMatrix(B) || name(A) !== name(B)) throw new Error(`shapes ${name(A)} and ${name(B)}`);
  if (!isMatrix(A)) return (A as Vector).map((a, i) => a * (B as Vector)[i]) as T;
  const a = toDense(A as Matrix);
  const b = toDense(B as Matrix);
  return toRows({ ...a, data: a.data.map((v, k) => v * b.data[k]) }) as T;
}
