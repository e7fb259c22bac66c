/**
 * Internal. Marks the exercises a submission did not hand in as "not submitted" (never "compile error": nothing of
 * theirs failed to compile), and says in a plain line what stood in for the files that others import.
 */
import type { Manifest } from "../manifest.ts";
import type { CaseResult, ExerciseResult } from "../engine/results.ts";
import type { Borrowed, Completed } from "../submission/complete.ts";

export function notSubmittedMessage(manifest: Manifest, exercise: string): string {
  const file = manifest.exercises.find((e) => e.id === exercise)?.file;
  return `not submitted: the submission has no ${file ?? "file"} for this exercise`;
}

/** The graded exercises and cases with every not-submitted exercise at zero, as "not submitted". */
export function markNotSubmitted(
  graded: { exercises: ExerciseResult[]; cases: CaseResult[] },
  completed: Completed,
  manifest: Manifest,
  ownSource: (exercise: string) => string | undefined,
): { exercises: ExerciseResult[]; cases: CaseResult[] } {
  const absent = new Set(completed.notSubmitted);
  const stubbed = new Map<string, Borrowed[]>();
  for (const b of completed.borrowed.filter((b) => b.with === "stub"))
    stubbed.set(b.exercise, [...(stubbed.get(b.exercise) ?? []), b]);
  const cases = graded.cases.map((c): CaseResult => {
    if (absent.has(c.exercise)) {
      const { key, id, exercise, name, fn, visibility, max_score, input, rules } = c;
      return {
        ...{ key, id, exercise, name, fn, visibility, max_score },
        status: "fail",
        score: 0,
        message: notSubmittedMessage(manifest, c.exercise),
        problems: [],
        not_submitted: true,
        ...(input !== undefined ? { input } : {}),
        ...(rules ? { rules } : {}),
      };
    }
    // A stub that stood in for a missing import throws "not implemented": that is neither the student's own stub
    // (unless their file still says so itself) nor "your forward (04)", which they never handed in.
    const borrowed = stubbed.get(c.exercise);
    const fromStub =
      c.not_implemented || c.upstream?.from.some((f) => absent.has(f.exercise)) || /not implemented/i.test(c.message);
    if (c.status !== "pass" && fromStub && borrowed && !/not implemented/i.test(ownSource(c.exercise) ?? "")) {
      const { not_implemented: _, upstream: __, ...rest } = c;
      return { ...rest, message: stubbedImportMessage(borrowed) };
    }
    return c;
  });
  const exercises = graded.exercises.map((e): ExerciseResult => {
    if (!absent.has(e.id)) {
      const own = cases.filter((c) => c.exercise === e.id);
      const started = e.status === "not started" && !own.every((c) => c.not_implemented);
      return started ? { ...e, status: "in progress" } : e;
    }
    const { compile_errors: _, ...rest } = e;
    return { ...rest, score: 0, status: "not submitted" };
  });
  return { exercises, cases };
}

function stubbedImportMessage(borrowed: Borrowed[]): string {
  const files = borrowed.map((b) => `${b.file} (${b.from})`).join(" and ");
  return (
    `this case needs ${files}, which the submission does not include; the course's unimplemented stub stood in ` +
    `for ${borrowed.length > 1 ? "them" : "it"}. Hand in ${borrowed.map((b) => b.file).join(" and ")} too`
  );
}

/** The submission's note lines: which exercises were not handed in, and what stood in for imported ones. */
export function notSubmittedNotes(completed: Completed, manifest: Manifest): string[] {
  if (completed.notSubmitted.length === 0) return [];
  const file = (id: string) => manifest.exercises.find((e) => e.id === id)?.file ?? id;
  const lines = [`not submitted: ${completed.notSubmitted.map(file).join(", ")}`];
  const byImporter = new Map<string, Borrowed[]>();
  for (const b of completed.borrowed) byImporter.set(b.exercise, [...(byImporter.get(b.exercise) ?? []), b]);
  for (const [exercise, borrowed] of byImporter) {
    const names = borrowed.map((b) => b.file).join(" and ");
    const one = borrowed.length === 1;
    const what = borrowed.every((b) => b.with === "stub")
      ? `the course's ${one ? "stub" : "stubs"}`
      : borrowed.every((b) => b.with === "reference")
        ? `the course's reference ${one ? "solution" : "solutions"}`
        : "the course's stubs or reference solutions";
    lines.push(
      `${file(exercise)} imports ${names}, which ${one ? "was" : "were"} not submitted: graded with ${what} in ${one ? "its" : "their"} place`,
    );
  }
  return lines;
}
