/**
 * Shared types for every exercise. Types only: nothing here runs.
 *
 * Index convention (see exercises/README.md): arrays that hold one entry per
 * layer are aligned with `layers`, so index i holds layer l = i + 1.
 * The input x = a^[0] is passed separately and is never stored in `a`.
 */

/** A column vector, e.g. x = a^[0] with n_0 entries. */
export type Vector = number[];

/** A matrix stored row by row: `A[r][c]`. A 3×2 matrix has 3 rows of 2. */
export type Matrix = number[][];

/** The activation functions the kit hands to exercises 04 to 07. */
export type ActivationName = "sigmoid" | "tanh" | "relu" | "leakyRelu" | "identity";

/** An activation g^[l] and its derivative, both applied to one number at a time. */
export interface Activation {
  name: ActivationName;
  /** g(z) */
  g: (z: number) => number;
  /** g′(z) = dg/dz, evaluated at the pre-activation z = f. */
  gPrime: (z: number) => number;
}

/**
 * One layer l of a network.
 * - W: W^[l], shape (n_{l-1}, n_l): row r holds the weights leaving unit r of layer l-1.
 * - b: b^[l], length n_l.
 * - activation: g^[l].
 */
export interface Layer {
  W: Matrix;
  b: Vector;
  activation: Activation;
}

/**
 * Everything the forward pass computes, aligned with `layers`:
 * f[i] = f^[i+1] and a[i] = a^[i+1], each of length n_{i+1}. ŷ = a[L-1].
 */
export interface ForwardCache {
  f: Vector[];
  a: Vector[];
}

/**
 * The gradient of ε with respect to every parameter, aligned with `layers`:
 * dW[i] = dε/dW^[i+1] (same shape as W^[i+1]) and db[i] = dε/db^[i+1].
 */
export interface Gradients {
  dW: Matrix[];
  db: Vector[];
}
