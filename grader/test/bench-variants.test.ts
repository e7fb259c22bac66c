/**
 * The bench's real-class mix (bench/synth.ts with bench/variants.ts): every file in the class is unique, every
 * file compiles, and a rewritten file type-checks exactly as the file it came from, so the mix costs what a real
 * class costs without changing what is graded.
 */
import { transform } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kindOf, submissionFiles, type Kind } from "../../bench/synth.ts";
import { studentVariant } from "../../bench/variants.ts";
import { TypeChecker } from "../check/typecheck.ts";
import { loadManifest } from "../manifest.ts";
import { exerciseTexts } from "../misconceptions/apply.ts";
import { paths } from "../paths.ts";

const course = {
  manifest: loadManifest(),
  solutions: exerciseTexts(paths.solutions),
  stubs: exerciseTexts(paths.exercises),
};
const N = 60;
const klass: { i: number; kind: Kind; files: Map<string, string> }[] = [];

beforeAll(async () => {
  for (let i = 0; i < N; i++)
    klass.push({ i, kind: kindOf(i), files: await submissionFiles(i, kindOf(i), "real", course) });
}, 120_000);

describe("the real-class mix", () => {
  it("has every kind of submission", () => {
    expect(new Set(klass.map((s) => s.kind))).toEqual(
      new Set(["reference", "mistakes", "partial", "stubs", "compile-error", "infinite-loop"]),
    );
  });

  it("holds no two files alike, and none as the course wrote it", () => {
    const seen = new Map<string, string>();
    const originals = new Set([...course.solutions.values(), ...course.stubs.values()]);
    for (const { i, files } of klass)
      for (const [rel, text] of files) {
        expect(seen.get(text), `${i}/${rel}`).toBeUndefined();
        expect(originals.has(text), `${i}/${rel}`).toBe(false);
        seen.set(text, `${i}/${rel}`);
      }
    expect(seen.size).toBe(N * course.solutions.size);
  });

  it("compiles everywhere but where a compile error is meant", async () => {
    for (const { i, kind, files } of klass)
      for (const [rel, text] of files) {
        const compiles = await transform(text, { loader: "ts" }).then(
          () => true,
          () => false,
        );
        if (kind !== "compile-error") expect(compiles, `${i}/${rel}`).toBe(true);
      }
  });
});

describe("a rewritten file", () => {
  let checker: TypeChecker;
  beforeAll(async () => {
    const opened = await TypeChecker.open();
    if (!(opened instanceof TypeChecker)) throw new Error(opened.unavailable);
    checker = opened;
  });
  afterAll(() => checker?.close());

  const codes = async (files: Map<string, string>) => {
    const typed = await checker.check(files);
    if (!("warnings" in typed)) throw new Error(typed.skipped);
    return typed.warnings.map((w) => `${w.file} TS${w.code}`).sort();
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("type-checks as the reference does (seed %i)", async (seed) => {
    const variant = new Map<string, string>();
    for (const [rel, text] of course.solutions) variant.set(rel, await studentVariant(text, seed));
    expect(await codes(variant)).toEqual(await codes(course.solutions));
  });

  it.each([1, 2, 3])("type-checks as the stubs do (seed %i)", async (seed) => {
    const variant = new Map<string, string>();
    for (const [rel, text] of course.stubs) variant.set(rel, await studentVariant(text, seed));
    expect(await codes(variant)).toEqual(await codes(course.stubs));
  });

  it.each([
    ["a shorthand property", "function f(x: number) {\n  return { x };\n}\nexport const g = f;\n"],
    ["a destructured key", "export function h(o: { a: number }) {\n  const { a } = o;\n  return a;\n}\n"],
    ["a default in a pattern", "export function h(o: { a?: number }) {\n  const { a = 2 } = o;\n  return a;\n}\n"],
    ["a property after a dot", "export function h(o: { n: number }) {\n  const n = o.n;\n  return n + o.n;\n}\n"],
  ])("keeps the meaning of %s", async (_name, source) => {
    for (let seed = 1; seed <= 6; seed++) {
      const out = await studentVariant(source, seed);
      const run = async (code: string) => {
        const js = (await transform(code, { loader: "ts", format: "cjs" })).code;
        const module = { exports: {} as Record<string, (o: unknown) => unknown> };
        new Function("module", "exports", js)(module, module.exports);
        const fn = module.exports.g ?? module.exports.h;
        return [fn({ a: 5, n: 3 }), fn({}), fn(7)];
      };
      expect(await run(out)).toEqual(await run(source));
    }
  });
});
