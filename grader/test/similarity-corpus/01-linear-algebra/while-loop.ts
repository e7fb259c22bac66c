import type { Matrix, Vector } from "../types";

function sizeOf(v: Vector | Matrix): string {
  const first = v[0];
  return Array.isArray(first) ? `${v.length}×${first.length}` : `${v.length}`;
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  if (sizeOf(A) !== sizeOf(B)) throw new Error(`hadamard needs equal shapes, got ${sizeOf(A)} and ${sizeOf(B)}`);
  const product: unknown[] = [];
  let i = 0;
  while (i < A.length) {
    const left = A[i];
    const right = B[i];
    if (Array.isArray(left)) {
      if (!Array.isArray(right) || right.length !== left.length)
        throw new Error(`hadamard needs equal shapes, got ${sizeOf(A)} and ${sizeOf(B)}`);
      const row: number[] = [];
      let j = 0;
      while (j < left.length) {
        row.push(left[j] * right[j]);
        j++;
      }
      product.push(row);
    } else {
      product.push((left as number) * (right as number));
    }
    i++;
  }
  return product as T;
}

export function outer(u: Vector, v: Vector): Matrix {
  const M: Matrix = [];
  let i = 0;
  while (i < u.length) {
    M[i] = [];
    let j = 0;
    while (j < v.length) {
      M[i][j] = u[i] * v[j];
      j++;
    }
    i++;
  }
  return M;
}

export function matVec(A: Matrix, x: Vector): Vector {
  const [m, n] = shape(A);
  if (m > 0 && n !== x.length) throw new Error(`cannot multiply ${m}×${n} by length ${x.length}`);
  const y: Vector = [];
  let r = 0;
  while (r < m) {
    y.push(dot(A[r], x));
    r++;
  }
  return y;
}

export function transpose(A: Matrix): Matrix {
  const [m, n] = shape(A);
  const T: Matrix = [];
  let c = 0;
  while (c < n) {
    const row: Vector = [];
    let r = 0;
    while (r < m) row.push(A[r++][c]);
    T.push(row);
    c++;
  }
  return T;
}

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new Error(`dot: got ${w.length} and ${x.length}`);
  let acc = 0;
  let k = w.length;
  while (k--) acc += w[k] * x[k];
  return acc;
}

export function shape(A: Matrix): [number, number] {
  const n = A.length === 0 ? 0 : A[0].length;
  let r = 0;
  while (r < A.length) {
    if (A[r].length !== n) throw new Error("ragged matrix");
    r++;
  }
  return [A.length, n];
}
