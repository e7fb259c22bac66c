/**
 * What `npm run check` says about the hidden cases it does not grade: they
 * are the instructor's, not failures. One line normally; with --hidden but
 * no key, a line per exercise and why.
 */
import type { Manifest } from "../manifest.ts";
import { hiddenText } from "./ci-summary.ts";
import type { Paint } from "./report.ts";
import type { HiddenCount } from "./sealed.ts";

export interface HiddenNoteOptions {
  counts: Record<string, HiddenCount>;
  /** Only these exercises (all when empty). */
  only: readonly string[];
  /** --hidden was asked for but the cases are sealed and no key was given. */
  wantedButSealed: boolean;
}

export function renderHiddenNote(manifest: Manifest, paint: Paint, options: HiddenNoteOptions): string[] {
  const ids = manifest.exercises
    .map((e) => e.id)
    .filter((id) => options.only.length === 0 || options.only.includes(id));
  const counts = ids.flatMap((id) => (options.counts[id]?.cases ? [[id, options.counts[id]] as const] : []));
  if (counts.length === 0) return [];
  if (!options.wantedButSealed) {
    const total = counts.reduce((t, [, c]) => ({ cases: t.cases + c.cases, points: t.points + c.points }), {
      cases: 0,
      points: 0,
    });
    return [paint("dim", `  + ${hiddenText(total)}: graded by your instructor.`)];
  }
  const lines = [paint("dim", "  The hidden cases are sealed and GRADER_KEY is not set:")];
  for (const [id, c] of counts)
    lines.push(paint("dim", `  🔒 ${id.slice(0, 2)} ${hiddenText(c)}: graded by your instructor`));
  return lines;
}
