import type { Matrix, Vector } from "../types";

export function shape(A: Matrix): [number, number] {
  const rows = A.length;
  let cols = 0;
  if (rows > 0) cols = A[0].length;
  for (let i = 1; i < rows; i++) {
    if (A[i].length !== cols) throw new Error("rows have different lengths");
  }
  return [rows, cols];
}

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new Error("length " + w.length + " vs length " + x.length);
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    total = total + w[i] * x[i];
  }
  return total;
}

export function transpose(A: Matrix): Matrix {
  const [rows, cols] = shape(A);
  const result: Matrix = [];
  for (let j = 0; j < cols; j++) {
    const newRow: Vector = [];
    for (let i = 0; i < rows; i++) {
      newRow.push(A[i][j]);
    }
    result.push(newRow);
  }
  return result;
}

export function matVec(A: Matrix, x: Vector): Vector {
  const [rows, cols] = shape(A);
  if (rows > 0 && cols !== x.length) throw new Error(rows + "x" + cols + " matrix with vector of length " + x.length);
  const y: Vector = [];
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) {
      s = s + A[i][j] * x[j];
    }
    y.push(s);
  }
  return y;
}

export function outer(u: Vector, v: Vector): Matrix {
  const M: Matrix = [];
  for (let i = 0; i < u.length; i++) {
    const row: Vector = [];
    for (let j = 0; j < v.length; j++) {
      row.push(u[i] * v[j]);
    }
    M.push(row);
  }
  return M;
}

function describeShape(A: Vector | Matrix): string {
  if (A.length > 0 && Array.isArray(A[0])) {
    return A.length + "x" + (A[0] as Vector).length;
  }
  return String(A.length);
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const message = "cannot multiply " + describeShape(A) + " by " + describeShape(B);
  if (A.length !== B.length) throw new Error(message);
  const C: unknown[] = [];
  for (let i = 0; i < A.length; i++) {
    const a = A[i];
    const b = B[i];
    if (typeof a === "number" && typeof b === "number") {
      C.push(a * b);
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      const row: Vector = [];
      for (let j = 0; j < a.length; j++) row.push(a[j] * b[j]);
      C.push(row);
    } else {
      throw new Error(message);
    }
  }
  return C as T;
}
