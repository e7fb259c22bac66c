import type { Matrix, Vector } from "../types";

/** How the lecture writes a shape: rows×cols for a matrix, the length for a vector. */
function describe(A: Vector | Matrix): string {
  if (A.length > 0 && Array.isArray(A[0])) {
    const [r, c] = shape(A as Matrix);
    return `${r}×${c} matrix`;
  }
  return `vector of length ${A.length}`;
}

/**
 * The shape of a matrix, as [rows, cols]. A 3×2 matrix gives [3, 2].
 * Throws if the rows do not all have the same length.
 */
export function shape(A: Matrix): [number, number] {
  const cols = A.length === 0 ? 0 : A[0].length;
  for (let r = 0; r < A.length; r++) {
    if (A[r].length !== cols) {
      throw new Error(`ragged matrix: row 0 has ${cols} entries but row ${r} has ${A[r].length}`);
    }
  }
  return [A.length, cols];
}

/**
 * The dot product w · x = wᵀx = w_1 x_1 + … + w_n x_n.
 * - w, x: length n. Returns a number.
 * Throws an error naming both lengths when they differ.
 */
export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) {
    throw new Error(`dot: shapes do not match: ${describe(w)} and ${describe(x)}`);
  }
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] * x[i];
  return sum;
}

/**
 * The transpose Aᵀ: (Aᵀ)[c][r] = A[r][c].
 * - A: shape (r, c). Returns shape (c, r).
 */
export function transpose(A: Matrix): Matrix {
  const [rows, cols] = shape(A);
  const T: Matrix = [];
  for (let c = 0; c < cols; c++) {
    T.push([]);
    for (let r = 0; r < rows; r++) T[c].push(A[r][c]);
  }
  return T;
}

/**
 * The matrix-vector product A x.
 * - A: shape (r, c); x: length c. Returns length r.
 * Throws an error naming both shapes when c ≠ length of x.
 * (The lecture's Wᵀx is matVec(transpose(W), x).)
 */
export function matVec(A: Matrix, x: Vector): Vector {
  const [, cols] = shape(A);
  if (A.length > 0 && cols !== x.length) {
    throw new Error(`matVec: shapes do not match: ${describe(A)} times ${describe(x)}`);
  }
  // Row r of A times x is one dot product.
  return A.map((row) => dot(row, x));
}

/**
 * The outer product u vᵀ.
 * - u: length r; v: length c. Returns shape (r, c) with entry [i][j] = u_i v_j.
 */
export function outer(u: Vector, v: Vector): Matrix {
  return u.map((ui) => v.map((vj) => ui * vj));
}

/**
 * The Hadamard (element-wise) product A ∘ B, for two vectors or two matrices.
 * - A, B: the same shape. Returns that shape.
 * Throws an error naming both shapes when they differ.
 */
export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const mismatch = () => new Error(`hadamard: shapes do not match: ${describe(A)} and ${describe(B)}`);
  if (A.length !== B.length) throw mismatch();
  const out: unknown[] = [];
  for (let i = 0; i < A.length; i++) {
    const a = A[i];
    const b = B[i];
    if (Array.isArray(a) !== Array.isArray(b)) throw mismatch();
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) throw mismatch();
      out.push(a.map((aij, j) => aij * b[j]));
    } else {
      out.push((a as number) * (b as number));
    }
  }
  return out as T;
}
