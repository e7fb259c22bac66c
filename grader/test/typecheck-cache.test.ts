/**
 * The type checker remembers warnings by file-set content: the same files (in any order, as a new Map) are not
 * checked again, and any change of content or name is.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TypeChecker } from "../check/typecheck.ts";
import { readExerciseFiles } from "../engine/grade.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";

let checker: TypeChecker;
let solutions: ExerciseFiles;

beforeAll(async () => {
  const opened = await TypeChecker.open();
  if (!(opened instanceof TypeChecker)) throw new Error(opened.unavailable);
  checker = opened;
  solutions = await readExerciseFiles(paths.solutions);
});
afterAll(() => checker?.close());

const withError = (files: ExerciseFiles, rel: string) =>
  new Map([...files].map(([r, t]) => [r, r === rel ? `${t}\nconst wrong: string = 1;\n` : t]));

describe("the type check cache", () => {
  it.each([
    ["the same files again", (f: ExerciseFiles) => new Map(f), 0],
    ["the same files in another order", (f: ExerciseFiles) => new Map([...f].reverse()), 0],
    ["a type error added", (f: ExerciseFiles) => withError(f, "05-delta/delta.ts"), 1],
    ["a file renamed", (f: ExerciseFiles) => new Map([...f].map(([r, t]) => [r.replace("delta.ts", "d.ts"), t])), 1],
    ["a file taken away", (f: ExerciseFiles) => new Map([...f].filter(([r]) => !r.startsWith("09-"))), 1],
  ])("checks %s %i more time(s)", async (_what, change, runs) => {
    const first = await checker.check(solutions);
    const spy = vi.spyOn(checker as unknown as { checkNow: () => unknown }, "checkNow");
    try {
      const again = await checker.check(change(solutions));
      expect(spy).toHaveBeenCalledTimes(runs);
      if (runs === 0) expect(again).toEqual(first);
    } finally {
      spy.mockRestore();
    }
  });

  it("gives each caller its own copy", async () => {
    const files = withError(solutions, "04-forward/forward.ts");
    const a = await checker.check(files);
    if (!("warnings" in a)) throw new Error(a.skipped);
    a.warnings.length = 0;
    const b = await checker.check(new Map(files));
    expect("warnings" in b && b.warnings.length).toBeGreaterThan(0);
  });
});
