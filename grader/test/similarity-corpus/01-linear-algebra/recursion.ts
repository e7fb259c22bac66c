import type { Matrix, Vector } from "../types";

function sumProducts(w: Vector, x: Vector, i: number): number {
  return i >= w.length ? 0 : w[i] * x[i] + sumProducts(w, x, i + 1);
}

function column(A: Matrix, j: number, i = 0): Vector {
  return i === A.length ? [] : [A[i][j], ...column(A, j, i + 1)];
}

function columns(A: Matrix, count: number, j = 0): Matrix {
  return j === count ? [] : [column(A, j), ...columns(A, count, j + 1)];
}

function pairwise(a: Vector, b: Vector, i = 0): Vector {
  return i === a.length ? [] : [a[i] * b[i], ...pairwise(a, b, i + 1)];
}

export function shape(A: Matrix): [number, number] {
  const width = A.length > 0 ? A[0].length : 0;
  const checkRows = (i: number): void => {
    if (i === A.length) return;
    if (A[i].length !== width) throw new Error(`row ${i} has length ${A[i].length}, expected ${width}`);
    checkRows(i + 1);
  };
  checkRows(0);
  return [A.length, width];
}

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new Error(`vectors of length ${w.length} and ${x.length}`);
  return sumProducts(w, x, 0);
}

export function transpose(A: Matrix): Matrix {
  return columns(A, shape(A)[1]);
}

export function matVec(A: Matrix, x: Vector): Vector {
  const [rows, cols] = shape(A);
  if (rows !== 0 && cols !== x.length) throw new Error(`a ${rows}×${cols} matrix and a vector of ${x.length}`);
  const go = (i: number): Vector => (i === rows ? [] : [sumProducts(A[i], x, 0), ...go(i + 1)]);
  return go(0);
}

export function outer(u: Vector, v: Vector): Matrix {
  const go = (i: number): Matrix => (i === u.length ? [] : [v.map((vj) => u[i] * vj), ...go(i + 1)]);
  return go(0);
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const label = (M: Vector | Matrix) =>
    Array.isArray(M[0]) ? `${M.length}×${(M[0] as Vector).length}` : `${M.length}`;
  const fail = () => new Error(`shapes ${label(A)} and ${label(B)} differ`);
  if (A.length !== B.length) throw fail();
  if (A.length === 0) return [] as unknown as T;
  if (!Array.isArray(A[0])) {
    if (Array.isArray(B[0])) throw fail();
    return pairwise(A as Vector, B as Vector) as T;
  }
  const go = (i: number): Matrix => {
    if (i === A.length) return [];
    const a = (A as Matrix)[i];
    const b = (B as Matrix)[i];
    if (!Array.isArray(b) || a.length !== b.length) throw fail();
    return [pairwise(a, b), ...go(i + 1)];
  };
  return go(0) as T;
}
