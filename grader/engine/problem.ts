/**
 * Why a case lost its points, as data. Rendered to text in one place
 * (render.ts), so the terminal, feedback pages and results.json agree.
 */
import * as z from "zod";

export const ProblemCodeSchema = z.enum([
  /** The output's shape differs: "expected a 3×2 matrix, got 2×3". */
  "shape",
  /** A number (or other value) differs. */
  "value",
  /** The output has the wrong type: a number where a matrix was due. */
  "type",
  /** A field of the output is absent. */
  "missing",
  /** The call was expected to throw and did not. */
  "not_thrown",
  /** It threw, but the message does not name what it should. */
  "wrong_error",
  /** It changed its inputs, which it must leave alone. */
  "mutated",
  /** It called a supplied function more often than allowed. */
  "too_many_calls",
  /** A sequence that should fall did not. */
  "not_falling",
  /** A number above its bound. */
  "too_high",
]);
export type ProblemCode = z.infer<typeof ProblemCodeSchema>;

export const ProblemSchema = z.object({
  code: ProblemCodeSchema,
  /** Where in the output, e.g. ["dW", 1, 0]. */
  path: z.array(z.union([z.string(), z.number()])),
  /** The same place in the lecture's notation, where the function has one: dW^[2]_1. */
  at: z.string().optional(),
  /** What was due, in words or digits; omitted for hidden cases. */
  expected: z.string().optional(),
  /** What the function gave. */
  received: z.string().optional(),
  /** Anything else the message needs. */
  detail: z.string().optional(),
  /**
   * A hidden case's only words on where it failed: the course's names of the output quantities that failed (dW,
   * db, the losses, σ(z)), with no layer, entry, size or value, in the order the function returns them.
   */
  quantities: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
