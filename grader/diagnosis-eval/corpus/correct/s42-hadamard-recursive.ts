// Replaces: 01-linear-algebra hadamard
// TA: right: one recursive helper multiplies numbers at the leaves and arrays entry by entry, throwing with both whole shapes named as soon as two lengths or kinds differ.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const label = (X: Vector | Matrix): string =>
    X.length > 0 && Array.isArray(X[0])
      ? `${X.length}×${(X[0] as Vector).length} matrix`
      : `vector of length ${X.length}`;
  const fail = (): never => {
    throw new Error(`hadamard: shapes do not match: ${label(A)} and ${label(B)}`);
  };
  const times = (p: unknown, q: unknown): unknown => {
    if (Array.isArray(p) !== Array.isArray(q)) return fail();
    if (!Array.isArray(p) || !Array.isArray(q)) return (p as number) * (q as number);
    if (p.length !== q.length) return fail();
    return p.map((pi, i) => times(pi, q[i]));
  };
  return times(A, B) as T;
}
