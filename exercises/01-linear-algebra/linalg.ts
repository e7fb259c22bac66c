import type { Matrix, Vector } from "../types";

/**
 * The shape of a matrix, as [rows, cols]. A 3×2 matrix gives [3, 2].
 * Throws if the rows do not all have the same length.
 */
export function shape(A: Matrix): [number, number] {
  // TODO: count the rows and the columns; reject ragged rows.
  throw new Error("not implemented: shape");
}

/**
 * The dot product w · x = wᵀx = w_1 x_1 + … + w_n x_n.
 * - w, x: length n. Returns a number.
 * Throws an error naming both lengths when they differ.
 */
export function dot(w: Vector, x: Vector): number {
  // TODO
  throw new Error("not implemented: dot");
}

/**
 * The transpose Aᵀ: (Aᵀ)[c][r] = A[r][c].
 * - A: shape (r, c). Returns shape (c, r).
 */
export function transpose(A: Matrix): Matrix {
  // TODO
  throw new Error("not implemented: transpose");
}

/**
 * The matrix-vector product A x.
 * - A: shape (r, c); x: length c. Returns length r.
 * Throws an error naming both shapes when c ≠ length of x.
 * (The lecture's Wᵀx is matVec(transpose(W), x).)
 */
export function matVec(A: Matrix, x: Vector): Vector {
  // TODO
  throw new Error("not implemented: matVec");
}

/**
 * The outer product u vᵀ.
 * - u: length r; v: length c. Returns shape (r, c) with entry [i][j] = u_i v_j.
 */
export function outer(u: Vector, v: Vector): Matrix {
  // TODO
  throw new Error("not implemented: outer");
}

/**
 * The Hadamard (element-wise) product A ∘ B, for two vectors or two matrices.
 * - A, B: the same shape. Returns that shape.
 * Throws an error naming both shapes when they differ.
 */
export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  // TODO
  throw new Error("not implemented: hadamard");
}
