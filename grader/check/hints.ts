/**
 * Internal. Which hints to show for an exercise: those about what is actually failing. Each hint in the manifest
 * names the rules (the guide's ids) or functions it is about; each case names the rules it tests. A hint about a
 * rule or function of a failing case is shown, in the manifest's order, which follows the exercise's functions
 * from the first to the last: when update is wrong, pla fails with it, and the hint about update comes first.
 * A complete exercise, or one whose failures all come from earlier exercises, has no hints to show.
 */
import type { CaseResult } from "../engine/results.ts";
import type { Exercise, Hint } from "../manifest.ts";

export interface ShownHint extends Hint {
  /** 1-based position in the manifest (and the guide's "Hints" list). */
  number: number;
}

export function hintsFor(exercise: Exercise, cases: readonly CaseResult[]): ShownHint[] {
  const own = cases.filter((c) => c.exercise === exercise.id);
  // A failure that comes from an earlier exercise asks for no hint about this one: its sentence points there.
  const failing = own.filter((c) => c.status !== "pass" && !c.upstream);
  if (failing.length === 0) return [];
  const failedRules = new Set(failing.flatMap((c) => c.rules ?? []));
  const fns = new Set(failing.map((c) => c.fn));
  const numbered = exercise.hints.map((h, i) => ({ ...h, number: i + 1 }));
  const ordered = numbered.filter((h) => h.about.some((a) => failedRules.has(a) || fns.has(a)));
  // Nothing keyed to what fails (a compile error, say): every hint, in the guide's order.
  return ordered.length > 0 ? ordered : numbered;
}
