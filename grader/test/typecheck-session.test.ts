/**
 * One compiler process serves a whole session or batch and is told only what
 * changed since the last check. Whatever came before, each check must report
 * what a fresh compiler reports on the same files.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TypeChecker } from "../check/typecheck.ts";
import { readExerciseFiles } from "../engine/grade.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";

let session: TypeChecker;
const sets = new Map<string, ExerciseFiles>();

function edit(base: string, rel: string, change: (text: string) => string): ExerciseFiles {
  const files = new Map(sets.get(base)!);
  files.set(rel, change(String(files.get(rel))));
  return files;
}

beforeAll(async () => {
  const opened = await TypeChecker.open({}, { store: null });
  if (!(opened instanceof TypeChecker)) throw new Error(opened.unavailable);
  session = opened;
  sets.set("stubs", await readExerciseFiles(paths.exercises));
  sets.set("solutions", await readExerciseFiles(paths.solutions));
  sets.set(
    "a type error in 05",
    edit("solutions", "05-delta/delta.ts", (t) => `${t}\nconst wrong: string = 1;\n`),
  );
  sets.set(
    "an export renamed in 04",
    edit("solutions", "04-forward/forward.ts", (t) => t.replace("function forward(", "function forwardd(")),
  );
  const extra = new Map(sets.get("stubs")!);
  extra.set("extra/helper.ts", "export const h: number = 'no';\n");
  sets.set("an extra file with an error", extra);
  const noTypes = new Map(sets.get("solutions")!);
  noTypes.delete("types.ts");
  sets.set("types.ts deleted", noTypes);
});

afterAll(() => session?.close());

// Every kind of change between consecutive checks: a file changed, created, deleted, and back again.
const ORDER = [
  "stubs",
  "a type error in 05",
  "an extra file with an error",
  "solutions",
  "types.ts deleted",
  "an export renamed in 04",
  "an extra file with an error",
  "stubs",
  "a type error in 05",
  "types.ts deleted",
  "solutions",
];

describe("a type-checking session", () => {
  it.each(ORDER.map((name, i) => [i + 1, name]))(
    "check %i (%s) reports what a fresh compiler does",
    async (_, name) => {
      const files = sets.get(name as string)!;
      const warnings = await session.check(files);
      const fresh = (await TypeChecker.open({}, { store: null })) as TypeChecker;
      try {
        expect(warnings).toEqual(await fresh.check(files));
        expect(warnings).toHaveProperty("warnings");
      } finally {
        await fresh.close();
      }
    },
  );

  it("finds the errors it should, so the comparison above means something", async () => {
    const wrong = await session.check(sets.get("a type error in 05")!);
    expect("warnings" in wrong && wrong.warnings.map((w) => w.file)).toContain("exercises/05-delta/delta.ts");
    const noTypes = await session.check(sets.get("types.ts deleted")!);
    expect("warnings" in noTypes && noTypes.warnings.length).toBeGreaterThan(0);
  });
});
