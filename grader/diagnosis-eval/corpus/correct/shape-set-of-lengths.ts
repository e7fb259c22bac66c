// Replaces: 01-linear-algebra shape
// TA: right: collects the distinct row lengths in a Set; more than one means ragged, none means an empty matrix.
// Names: none
import type { Matrix } from "../../../../exercises/types.ts";

export function shape(A: Matrix): [number, number] {
  const lengths = new Set(A.map((row) => row.length));
  if (lengths.size > 1) throw new Error(`ragged matrix: rows of lengths ${[...lengths].join(", ")}`);
  const [cols = 0] = lengths;
  return [A.length, cols];
}
