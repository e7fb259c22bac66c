/**
 * Internal. When a pair is worth the TA's look. The threshold comes from the
 * calibration (`npm run similarity:calibrate`, figures in the README): above
 * every pair of independently written solutions, below every disguised copy.
 */
import type { PairResult } from "./compare.ts";

export const SIMILARITY_THRESHOLD = 0.6;

export function flagged(pair: PairResult, threshold = SIMILARITY_THRESHOLD): boolean {
  return pair.similarity >= threshold;
}
