// Replaces: 01-linear-algebra hadamard
// TA: multiplies entry by entry but never compares the shapes, so mismatched inputs give NaN entries or a silently cut result instead of an error naming both shapes.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const out = (A as unknown[]).map((a, i) => {
    const b = (B as unknown[])[i];
    if (Array.isArray(a)) return a.map((aij: number, j: number) => aij * (b as number[])[j]);
    return (a as number) * (b as number);
  });
  return out as T;
}
