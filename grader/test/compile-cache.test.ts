/** A bundle is reused only when every file it was built from is byte-identical. */
import { beforeAll, describe, expect, it } from "vitest";
import { readExerciseFiles } from "../engine/grade.ts";
import { entryFiles, loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { compileExercises, type ExerciseFiles } from "../sandbox/compile.ts";
import { CompileCache, hashFiles } from "../sandbox/compile-cache.ts";

const entries = entryFiles(loadManifest());
const ids = Object.keys(entries);
const cache = new CompileCache();
let solutions: ExerciseFiles;

beforeAll(async () => {
  solutions = await readExerciseFiles(paths.solutions);
  await compileExercises(solutions, entries, cache);
});

describe("the compile cache", () => {
  it.each([
    { change: "nothing", file: undefined, hits: ids },
    {
      change: "a comment in 08",
      file: "08-gradient-check/gradcheck.ts",
      hits: ids.filter((id) => id !== "08-gradient-check"),
    },
    // 06 and 07 bundle 04's forward, so a change there misses all three.
    {
      change: "a comment in 04",
      file: "04-forward/forward.ts",
      hits: ids.filter((id) => !["04-forward", "06-gradients", "07-gradient-descent"].includes(id)),
    },
  ])("after changing $change, reuses exactly the bundles built from unchanged files", ({ file, hits }) => {
    const files: ExerciseFiles = new Map(solutions);
    if (file) files.set(file, `${files.get(file)}\n// changed\n`);
    const hashes = hashFiles(files);
    expect(ids.filter((id) => cache.lookup(id, hashes) !== undefined)).toEqual(hits);
  });
});
