/**
 * Type checking is its own failure domain: a type of a few hundred bytes that takes minutes or gigabytes, a
 * compiler that dies, or a check abandoned while a message is being written costs that submission its type
 * warnings ("type check skipped: …") and nothing else. The grader survives, the next submission is type checked
 * as if nothing happened, and `npm run grade` exits when it is done.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TypeChecker, type TypeCheck, type TypeCheckLimits } from "../check/typecheck.ts";
import { readExerciseFiles } from "../engine/grade.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { cliArgs } from "./cli-bundle.ts";

/** Small enough that a class of bombs takes seconds; an honest check needs well under half of each. */
const LIMITS: TypeCheckLimits = { cpuMs: 2_000, memoryBytes: 600 * 2 ** 20, wallMs: 40_000 };
/** What the checker says when one of LIMITS stops a check. */
const STOPPED_BY = [
  `it took more than ${LIMITS.cpuMs / 1000} s of CPU time`,
  `it needed more than ${LIMITS.memoryBytes / 2 ** 20} MB of memory`,
  `it ran longer than ${LIMITS.wallMs / 1000} s`,
];

const N24 = `[${Array(24).fill(0).join(", ")}]`;

/**
 * Types and one function that is never called (so grading is unchanged), each costly for the compiler in its own
 * way: the function's return makes the compiler relate the two types.
 */
export const BOMBS: Record<string, string> = {
  "a recursive template literal that doubles a string": `
type Dbl<S extends string, N extends unknown[]> = N["length"] extends 27 ? S : Dbl<\`\${S}\${S}\`, [...N, 0]>;
export function bombCheck(s: Dbl<"ab", []>): number {
  return s;
}`,
  "a huge union built by template literals": `
type BombD = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h";
type BombP<S extends string, N extends unknown[]> = N["length"] extends 6 ? S : BombP<\`\${S}\${BombD}\` | S, [...N, 0]>;
export function bombCheck(u: BombP<"", []>): BombP<"x", []> {
  return u;
}`,
  "mapped types over a 10 000-member union, compared": `
type BombD = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type BombU = \`\${BombD}\${BombD}\${BombD}\${BombD}\`;
type BombM<X> = { [K in BombU]: { [J in BombU]: [K, J, X] } };
export function bombCheck(m: BombM<0>): BombM<1> {
  return m;
}`,
  "tail-recursive instantiations of growing tuples": `
type BombL<N extends unknown[], T> = N["length"] extends 990 ? T : BombL<[...N, T], T>;
type BombA<T> = [BombL<[], T>, BombL<[], [T]>, BombL<[], [[T]]>, BombL<[], [[[T]]]>];
type BombB<T> = [BombA<T>, BombA<[T]>, BombA<{ x: T }>, BombA<T[]>];
type BombC<T> = [BombB<T>, BombB<1>, BombB<2>, BombB<3>, BombB<4>, BombB<5>, BombB<6>, BombB<7>];
export type BombZ = [BombC<0>, BombC<"a">, BombC<true>, BombC<null>];
export function bombCheck(z: BombZ): number {
  return z;
}`,
  "deep conditional types that infer at every level": `
type BombDeep<T, N extends unknown[]> = N["length"] extends 40
  ? T
  : T extends [infer A, infer B]
    ? BombDeep<[B, [A]], [...N, 0]> extends infer X ? BombDeep<[X, B], [...N, 0]> : never
    : never;
export function bombCheck(d: BombDeep<[1, 2], []>): BombDeep<[2, 1], []> {
  return d;
}`,
  "an exponential tree of conditional types, compared": `
type BombF<N extends unknown[], Acc> = N extends [unknown, ...infer R] ? [BombF<R, [Acc, 0]>, BombF<R, [Acc, 1]>] : Acc;
export function bombCheck(f: BombF<${N24}, 0>): BombF<${N24}, 1> {
  return f;
}`,
  "an instantiation-depth bomb: a type that never ends": `
type BombI<T> = { next: BombI<[T, T]>; value: T };
type BombWalk<T, N extends unknown[]> = N["length"] extends 60 ? T : BombWalk<T extends { next: infer X } ? X : never, [...N, 0]>;
export function bombCheck(i: BombWalk<BombI<0>, []>): BombWalk<BombI<1>, []> {
  return i;
}`,
  "string literal arithmetic on a million digits": `
type BombRep<S extends string, N extends unknown[]> = N["length"] extends 20 ? S : BombRep<\`\${S}\${S}\`, [...N, 0]>;
type BombSplit<S extends string> = S extends \`\${infer H}\${infer R}\` ? [H, ...BombSplit<R>] : [];
export type BombLen = BombSplit<BombRep<"9", []>>["length"];
export function bombCheck(): BombLen {
  return 1;
}`,
};

let checker: TypeChecker;
let clean: ExerciseFiles;
let honest: ExerciseFiles;
let expectedHonest: TypeCheck;
const bombed: TypeCheck[] = [];

function withBomb(bomb: string, file = "05-delta/delta.ts"): ExerciseFiles {
  const files = new Map(clean);
  files.set(file, `${String(files.get(file))}\n${bomb}\n`);
  return files;
}

/** Processes under this one running TypeScript's compiler: none may be left behind. */
function compilers(): number[] {
  const found = [process.pid];
  for (let i = 0; i < found.length; i++) {
    try {
      found.push(
        ...readFileSync(`/proc/${found[i]}/task/${found[i]}/children`, "utf8").split(" ").filter(Boolean).map(Number),
      );
    } catch {
      // Gone.
    }
  }
  return found.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--api");
    } catch {
      return false;
    }
  });
}

beforeAll(async () => {
  clean = await readExerciseFiles(paths.solutions);
  honest = new Map(clean);
  honest.set("05-delta/delta.ts", `${String(clean.get("05-delta/delta.ts"))}\nexport const wrong: string = 1;\n`);
  const opened = await TypeChecker.open(LIMITS, { store: null });
  if (!(opened instanceof TypeChecker)) throw new Error(opened.unavailable);
  checker = opened;
  expectedHonest = await checker.check(honest);
});

afterAll(() => checker?.close());

describe("a type check that goes over its limits", () => {
  it("finds the honest type error the comparisons below rely on", () => {
    expect("warnings" in expectedHonest && expectedHonest.warnings.map((w) => w.code)).toEqual([2322]);
  });

  it.each(Object.entries(BOMBS))("%s: this check alone is skipped or warned, the next is whole", async (_, bomb) => {
    const started = performance.now();
    const outcome = await checker.check(withBomb(bomb));
    bombed.push(outcome);
    expect(performance.now() - started).toBeLessThan(LIMITS.wallMs + 10_000);
    if ("skipped" in outcome)
      expect([...STOPPED_BY, "it ran out of memory", "the compiler's stack overflowed"]).toContain(outcome.skipped);
    else expect(outcome.warnings.every((w) => w.file.startsWith("exercises/"))).toBe(true);
    expect(await checker.check(honest)).toEqual(expectedHonest);
  });

  it("holds the bombs to the limits: most are skipped, with the limit that stopped them", () => {
    expect(bombed.length).toBe(Object.keys(BOMBS).length);
    expect(bombed.filter((o) => "skipped" in o).length).toBeGreaterThanOrEqual(4);
  });

  it("skips a bomb queued between honest checks, and only the bomb", async () => {
    const bomb = withBomb(BOMBS["tail-recursive instantiations of growing tuples"], "03-activations/activations.ts");
    const [before, bombed, after] = await Promise.all([
      checker.check(honest),
      checker.check(bomb),
      checker.check(honest),
    ]);
    expect(before).toEqual(expectedHonest);
    expect(bombed).toHaveProperty("skipped");
    expect(after).toEqual(expectedHonest);
  });
});

describe("a check abandoned at any moment", () => {
  // The compiler is killed while requests and answers are in flight: nothing may reach the grader as an
  // unhandled EPIPE or ERR_STREAM_DESTROYED (vitest fails the file on any unhandled error).
  it.each([1, 5, 10, 20, 40, 80, 150, 300, 600])("after %i ms is skipped, and the grader lives on", async (ms) => {
    const hurried = (await TypeChecker.open({ ...LIMITS, wallMs: ms }, { store: null })) as TypeChecker;
    try {
      const bomb = withBomb(BOMBS["tail-recursive instantiations of growing tuples"]);
      for (let i = 0; i < 2; i++)
        expect(await hurried.check(bomb)).toEqual({
          skipped: `it ran longer than ${Number((ms / 1000).toFixed(2))} s`,
        });
    } finally {
      await hurried.close();
    }
    expect(await checker.check(honest)).toEqual(expectedHonest);
  });

  it("says so when the compiler dies mid-check, and starts a fresh one for the next", async () => {
    const pending = checker.check(withBomb(BOMBS["tail-recursive instantiations of growing tuples"]));
    let victims: number[] = [];
    for (let i = 0; i < 200 && victims.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      victims = compilers();
    }
    expect(victims.length).toBeGreaterThan(0);
    for (const pid of victims) process.kill(pid, "SIGKILL");
    const outcome = await pending;
    expect(outcome).toHaveProperty("skipped");
    // Which death is seen first is a race: the compiler's own signal, or its host exiting when the compiler is gone.
    expect((outcome as { skipped: string }).skipped).toMatch(
      /^(the compiler stopped \(signal SIGKILL\)|the type checker stopped \(exit code 1\))$/,
    );
    expect(await checker.check(honest)).toEqual(expectedHonest);
  });

  it("says so when the compiler dies as soon as it starts, before its host has looked for it", async () => {
    const fresh = (await TypeChecker.open(LIMITS, { store: null })) as TypeChecker;
    try {
      const before = new Set(compilers());
      const pending = fresh.check(withBomb(BOMBS["tail-recursive instantiations of growing tuples"]));
      let victims: number[] = [];
      // As fast as /proc can be read: within a millisecond or so of its start, before the host's first look.
      for (let i = 0; i < 100_000 && victims.length === 0; i++) {
        await new Promise((r) => setImmediate(r));
        victims = compilers().filter((pid) => !before.has(pid));
      }
      expect(victims.length).toBeGreaterThan(0);
      for (const pid of victims) process.kill(pid, "SIGKILL");
      expect(await pending).toEqual({
        skipped: expect.stringMatching(
          /^(the compiler stopped \(signal SIGKILL\)|the type checker stopped \(exit code 1\))$/,
        ),
      });
    } finally {
      await fresh.close();
    }
  });

  it("leaves no compiler running once closed", async () => {
    const other = (await TypeChecker.open(LIMITS, { store: null })) as TypeChecker;
    await other.check(honest);
    const during = compilers().length;
    await other.close();
    expect(during).toBeGreaterThan(0);
    expect(await other.check(honest)).toEqual({ skipped: "the type checker was closed" });
    await checker.close();
    expect(compilers()).toEqual([]);
    checker = (await TypeChecker.open(LIMITS, { store: null })) as TypeChecker;
  });
});

describe("npm run grade on a class with type bombs", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-typebombs-"));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("grades every submission in full, skips only the bombs' type checks, and exits 0", async () => {
    const cls = path.join(tmp, "class");
    const put = async (id: string, from: string, file?: string, extra?: string) => {
      await mkdir(path.join(cls, id), { recursive: true });
      await cp(from, path.join(cls, id, "exercises"), { recursive: true });
      if (file && extra) await appendFile(path.join(cls, id, "exercises", file), `\n${extra}\n`);
    };
    await put("clean-a", paths.solutions);
    await put("clean-b", paths.exercises);
    await put("clean-c", paths.solutions, "05-delta/delta.ts", "export const wrong: string = 1;");
    const kinds = [
      "a recursive template literal that doubles a string",
      "a huge union built by template literals",
      "mapped types over a 10 000-member union, compared",
      "tail-recursive instantiations of growing tuples",
      "deep conditional types that infer at every level",
    ];
    const files = ["01-linear-algebra/linalg.ts", "03-activations/activations.ts", "05-delta/delta.ts"];
    for (const [i, kind] of kinds.entries())
      await put(`bomb-${i}`, paths.solutions, files[i % files.length], BOMBS[kind]);
    await put("clean-d", paths.solutions);

    const out = path.join(tmp, "results");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      cliArgs("grade", [cls, "--out", out, "--jobs", "2"]),
      {
        cwd: paths.root,
        timeout: 300_000,
        env: { ...process.env, BACKPROP_TEST_TYPECHECK_LIMITS: JSON.stringify(LIMITS) },
      },
    );
    expect(stdout).toContain(`${kinds.length + 4} graded now`);

    const results = Object.fromEntries(
      readdirSync(cls).map((id) => [
        id,
        SubmissionResultSchema.parse(JSON.parse(readFileSync(path.join(out, id, "results.json"), "utf8"))),
      ]),
    );
    // Every point of the required exercises (the bonus exercises are not in the solutions).
    const full = results["clean-a"].score;
    expect(full).toBeGreaterThan(0);
    for (const id of ["clean-a", "clean-c", "clean-d", ...kinds.map((_, i) => `bomb-${i}`)]) {
      expect(results[id].grading_status, id).toBe("graded");
      expect(results[id].score, id).toBe(full);
    }
    for (const id of ["clean-a", "clean-b", "clean-d"]) {
      expect(results[id].note, id).toBe("");
      expect(results[id].type_warnings, id).toBeDefined();
    }
    expect(results["clean-a"].type_warnings).toEqual([]);
    expect(results["clean-c"].type_warnings?.map((w) => [w.file, w.code])).toEqual([
      ["exercises/05-delta/delta.ts", 2322],
    ]);
    const skipped = kinds.map((_, i) => results[`bomb-${i}`]).filter((r) => r.note.startsWith("type check skipped: "));
    expect(skipped.length).toBeGreaterThanOrEqual(3);
    for (const r of skipped) expect(r.type_warnings).toBeUndefined();
    expect(await readFile(path.join(out, "gradebook.csv"), "utf8")).toContain("bomb-4");
  }, 400_000);
});
