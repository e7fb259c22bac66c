/**
 * A submission whose build of all exercises fails on errors in its source learns which exercises they cost from
 * that build's own imports (compile.ts, whoFails), not from one build per exercise: every exercise gets exactly
 * what its own build gives it (the same errors in the same order, or the same bundle), in two builds where the
 * errors can be traced and one build per exercise where they cannot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readExerciseFiles } from "../engine/grade.ts";
import { entryFiles, loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { compileExercises, type CompileOutcome, type ExerciseFiles } from "../sandbox/compile.ts";
import { counted } from "./count-builds.ts";

const entries = entryFiles(loadManifest());
const ids = Object.keys(entries);
let solutions: ExerciseFiles;

beforeAll(async () => {
  solutions = await readExerciseFiles(paths.solutions);
});

type Edit = (files: ExerciseFiles) => void;
const append =
  (rel: string, text: string): Edit =>
  (files) =>
    files.set(rel, `${String(files.get(rel))}${text}`);
const replace =
  (rel: string, from: string, to: string): Edit =>
  (files) => {
    const source = String(files.get(rel));
    if (!source.includes(from)) throw new Error(`no ${from} in ${rel}`);
    files.set(rel, source.replace(from, to));
  };

const FORWARD = "04-forward/forward.ts";
const DELTA = "05-delta/delta.ts";
const GRADIENTS = "06-gradients/gradients.ts";

/** Each kind of compile error, where it is, and the builds it takes (all exercises, then the rest together). */
const CASES: [string, Edit[], number][] = [
  ["a syntax error in a file another exercise imports", [append(DELTA, "\nconst = ;\n")], 2],
  ["a syntax error in a file two other exercises import", [append(FORWARD, "\nlet = 1;\n")], 2],
  ["an import of a file that does not exist", [append("03-activations/activations.ts", '\nimport "./nope";\n')], 2],
  ["top-level await, which CommonJS cannot hold", [append("08-gradient-check/gradcheck.ts", "\nawait 1;\n")], 2],
  ["a symbol declared twice", [append("09-autodiff/autodiff.ts", "\nlet q = 1;\nlet q = 2;\n")], 2],
  ["brackets nested past the scanner's limit", [append("02-perceptron/perceptron.ts", `\n${"(".repeat(300)}`)], 2],
  ["errors in two files at once", [append(DELTA, "\n}\n"), append("01-linear-algebra/linalg.ts", "\n)\n")], 2],
  // Found only when every file parses: the first build reports it itself.
  [
    "an import of a name a file no longer exports",
    [replace(FORWARD, "export function forward(", "export function forwardRenamed(")],
    2,
  ],
  // Hidden behind the syntax error in the first build, found in the second: then each of the rest on its own.
  [
    "a missing export behind a syntax error elsewhere",
    [
      replace(DELTA, "export function deltas(", "export function deltasRenamed("),
      append("01-linear-algebra/linalg.ts", "\n)\n"),
    ],
    2 + ids.length - 1,
  ],
];

describe("a submission that does not compile", () => {
  it.each(CASES)(
    "%s: each exercise gets what its own build gives it",
    async (_, edits, expected) => {
      const files = new Map(solutions);
      for (const edit of edits) edit(files);
      // No cache: every answer here is a build of its own.
      const { result, builds } = await counted(() => compileExercises(files, entries));
      const alone: Record<string, CompileOutcome> = {};
      for (const id of ids) Object.assign(alone, await compileExercises(files, { [id]: entries[id] }));
      expect(Object.keys(result)).toEqual(ids);
      expect(result).toEqual(alone);
      expect(Object.values(result).some((o) => !o.ok)).toBe(true);
      expect(builds).toBe(expected);
    },
    60_000,
  );

  it("gives the exercise that imports a broken file its errors, and the one it imports its bundle", async () => {
    const files = new Map(solutions);
    append(GRADIENTS, "\nconst = ;\n")(files);
    const result = await compileExercises(files, entries);
    const failed = ids.filter((id) => !result[id].ok);
    expect(failed).toEqual(["06-gradients", "07-gradient-descent"]);
    expect(result["05-delta"].ok).toBe(true);
  }, 60_000);
});
