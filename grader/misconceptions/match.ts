/**
 * When a student's output "is" a catalogued mistake's output. One rule for the
 * live diagnoser (course side) and the release's table diagnoser, so both name
 * the same mistakes.
 */
import { closeRule, compare } from "../engine/compare.ts";

/** Looser than the cases' own tolerance: a mistake made with other rounding is still that mistake. */
const SAME = closeRule(1e-6, 1e-9);

export function matches(entryValue: unknown, received: unknown): boolean {
  return entryValue !== undefined && compare(entryValue, received, SAME).length === 0;
}
