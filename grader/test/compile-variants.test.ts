/**
 * Upstream tracing's variants built together (compileVariants) are the variants built one by one (compileVariant):
 * each bundle the same code but for the paths in its comments, in one build instead of one each. A batch where
 * one variant does not build answers nothing, and its caller builds them alone; no variant reaches another's files.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { studentVariant } from "../../bench/variants.ts";
import { readExerciseFiles } from "../engine/grade.ts";
import { entryFiles, loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { compileVariant, compileVariants, type Variant } from "../sandbox/compile-variants.ts";
import { counted } from "./count-builds.ts";

const entries = entryFiles(loadManifest());
let solutions: ExerciseFiles;

beforeAll(async () => {
  solutions = await readExerciseFiles(paths.solutions);
});

const folder = (rel: string) => rel.slice(0, 2);
/** `exercise` built with the course's files of the exercises numbered in `course` (e.g. ["04", "05"]). */
const variant = (exercise: string, course: string[]): Variant => ({
  entry: entries[exercise],
  swapped: (rel) => course.includes(folder(rel)),
});
/** Upstream tracing's variants for a failure in 06 and in 07 reaching three earlier exercises of the student's. */
const TRACED: Variant[] = [
  variant("06-gradients", ["04", "05"]),
  variant("06-gradients", ["05"]),
  variant("06-gradients", ["04"]),
  variant("07-gradient-descent", ["04", "05", "06"]),
  variant("07-gradient-descent", ["05", "06"]),
  variant("07-gradient-descent", ["04", "06"]),
  variant("07-gradient-descent", ["04", "05"]),
];

/** The solutions, each file rewritten the way a student writes (the bench's real-class mix), so none is the course's. */
async function rewritten(seed: number): Promise<ExerciseFiles> {
  const files: ExerciseFiles = new Map();
  for (const [rel, text] of solutions) files.set(rel, await studentVariant(String(text), seed + rel.length));
  return files;
}

/** The solutions with `exercise`'s entry file changed by `edit`. */
function edited(exercise: string, edit: (text: string) => string): ExerciseFiles {
  const files = new Map(solutions);
  files.set(entries[exercise], edit(String(files.get(entries[exercise]))));
  return files;
}

const alone = (files: ExerciseFiles, variants: Variant[]) =>
  Promise.all(variants.map((v) => compileVariant(files, v.entry, solutions, v.swapped)));
/** A bundle's code with the variant's root taken out of the paths in its comments. */
const unrooted = (code: string | undefined) => code?.replace(/\/variant-\d+\/exercises\//g, "/exercises/");

describe("variants built together", () => {
  it.each([
    ["rewritten as students write, one way", () => rewritten(1)],
    ["rewritten another way", () => rewritten(2)],
    ["a mistake in 05", () => edited("05-delta", (t) => t.replace("return", "return void 0 ||"))],
    ["a comment of their own in 06", () => edited("06-gradients", (t) => `// mine\n${t}`)],
  ])("%s: each bundle is its own build's, in one build", async (_, make) => {
    const files = await make();
    const together = await counted(() => compileVariants(files, solutions, TRACED));
    expect(together.builds).toBe(1);
    expect(together.result).toHaveLength(TRACED.length);
    const each = await alone(files, TRACED);
    expect(each.every((code) => typeof code === "string")).toBe(true);
    expect(together.result!.map(unrooted)).toEqual(each);
  });

  it.each([
    [
      "07 imports a helper only the student's 05 exports: the variants with the course's 05 do not build",
      () => {
        const files = edited("05-delta", (t) => `${t}\nexport const mine = 1;\n`);
        const seven = String(files.get(entries["07-gradient-descent"]));
        files.set(entries["07-gradient-descent"], `import { mine } from "../05-delta/delta";\nvoid mine;\n${seven}`);
        return files;
      },
      // 06 does not import 07; 07 builds only with the student's own 05.
      [true, true, true, false, false, true, false],
    ],
    [
      "a file reaches for another variant's files",
      () => {
        const files = new Map(solutions);
        const six = String(files.get(entries["06-gradients"]));
        files.set(entries["06-gradients"], `import "../../../variant-3/exercises/05-delta/delta";\n${six}`);
        return files;
      },
      // 06 does not build; 07 does where the course's 06 stands in for it.
      [false, false, false, true, true, true, false],
    ],
  ])("%s: nothing together, and alone as before", async (_, make, builds) => {
    const files = make();
    expect(await compileVariants(files, solutions, TRACED)).toBeUndefined();
    expect((await alone(files, TRACED)).map((code) => typeof code === "string")).toEqual(builds);
  });

  it("one variant or none is left to its own build", async () => {
    expect(await counted(() => compileVariants(solutions, solutions, TRACED.slice(0, 1)))).toEqual({
      result: undefined,
      builds: 0,
    });
    expect(await compileVariants(solutions, solutions, [])).toBeUndefined();
  });
});
