/**
 * Issue 21's acceptance, as one class: ten clean submissions (references, partial work, catalogued mistakes)
 * graded first on their own, then again through the real `grade` command beside one attacker of each kind the
 * issue names. No run may end early, `grade` must exit 0, each clean submission must get exactly the result it
 * got alone, and each attacker must get what it deserves: the attacked exercise's failure, never `error`.
 *
 * The CPU promise ("no clean submission loses a second of CPU beyond its own") is kept by the sandbox, which
 * limits and charges each call by its own process's CPU time (sandbox/cpu.ts); timed cases are therefore
 * compared here by status (a clean case that was charged an attacker's time would time out), and wall time only
 * by a bound generous enough for a loaded shared machine. Exact timings are measured in bench, not asserted.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionResultSchema, type GradingStatus, type SubmissionResult } from "../engine/results.ts";
import { loadMutants } from "../fixtures/mutants/index.ts";
import { loadManifest } from "../manifest.ts";
import { swapExport } from "../misconceptions/apply.ts";
import { paths } from "../paths.ts";
import { MAX_SOURCE_IMPORTS } from "../sandbox/source-scan.ts";
import { cliArgs } from "./cli-bundle.ts";
import { solutionsAt, zip } from "./corpus-build.ts";
import { CONTROL, lostOnlyWhatItAttacked } from "./corpus-check.ts";
import { APPLE_DOUBLE } from "./corpus-intake.ts";
import { LIMIT_ATTACKS } from "./corpus-limits.ts";
import { TUPLE_TYPES } from "./corpus-typecheck.ts";
import { replaceFunction } from "./patched-grade.ts";
import { TEST_TYPECHECK_ENV } from "./typecheck-limits.ts";

const run = promisify(execFile);
const manifest = loadManifest();
const mutants = loadMutants();
const RUN_LIMIT_MS = 500_000;

const fileOf = (id: string) => `${id}/${manifest.exercises.find((e) => e.id === id)!.file}`;

/** Writes the reference solutions at `dir`, with some exercises' files taken from the stubs or patched. */
async function submission(
  dir: string,
  change: { stubs?: string[]; patch?: Record<string, (source: string) => string> } = {},
): Promise<void> {
  await solutionsAt(dir);
  for (const id of change.stubs ?? []) {
    await cp(path.join(paths.exercises, fileOf(id)), path.join(dir, "exercises", fileOf(id)));
  }
  for (const [id, patch] of Object.entries(change.patch ?? {})) {
    const file = path.join(dir, "exercises", fileOf(id));
    await writeFile(file, patch(await readFile(file, "utf8")));
  }
}

/** The reference with one catalogued mistake (grader/fixtures/mutants) pasted in. */
const withMutant = (id: string) => {
  const m = mutants.find((x) => x.id === id);
  if (!m) throw new Error(`no mutant ${id}`);
  return { patch: { [m.exercise]: (s: string) => swapExport(s, m.symbol, m.source) } };
};

/** Ten honest submissions: what a class hands in. */
const CLEAN: { id: string; make: (dir: string) => Promise<void> }[] = [
  { id: "clean-reference-a", make: (d) => submission(d) },
  { id: "clean-reference-b", make: (d) => submission(d) },
  { id: "clean-stubs", make: (d) => cp(paths.exercises, path.join(d, "exercises"), { recursive: true }) },
  {
    id: "clean-first-half",
    make: (d) => submission(d, { stubs: ["06-gradients", "07-gradient-descent", "08-gradient-check", "09-autodiff"] }),
  },
  { id: "clean-no-activations", make: (d) => submission(d, { stubs: ["03-activations"] }) },
  {
    id: "clean-mistake-07",
    make: (d) => submission(d, withMutant(mutants.find((m) => m.exercise === "07-gradient-descent")!.id)),
  },
  {
    id: "clean-mistake-05",
    make: (d) => submission(d, withMutant(mutants.find((m) => m.exercise === "05-delta")!.id)),
  },
  {
    id: "clean-mistake-01",
    make: (d) => submission(d, withMutant(mutants.find((m) => m.exercise === "01-linear-algebra")!.id)),
  },
  {
    id: "clean-mistake-08",
    make: (d) => submission(d, withMutant(mutants.find((m) => m.exercise === "08-gradient-check")!.id)),
  },
  {
    id: "clean-type-error",
    make: (d) => submission(d, { patch: { "04-forward": (s) => `${s}\nexport const wrong: string = 1;\n` } }),
  },
];

const IMPORTS = Array.from({ length: MAX_SOURCE_IMPORTS + 1 }, (_, i) => `import "./m${i}";`).join("\n");
/** corpus-typecheck.ts's "tail-recursive instantiations of growing tuples", in a function never called. */
const TYPE_BOMB = `${TUPLE_TYPES}
export function bombCheck(z: BombZ): number {
  const y: [BombC<1>, BombC<"b">, BombC<false>, BombC<undefined>] = z as any;
  return y.length;
}`;
/**
 * Calls gPrime 200 extra times, and rewrites the count in whatever the harness might use after student code
 * loaded: the line Buffer writes, and the global String used for numbers (issue 21.2).
 */
const FORGERY = `
const G: any = globalThis;
const forge = (s: string) => s.replace(/"gPrimeCalls":\\d+/g, (m) => '"gPrimeCalls":0'.padEnd(m.length, " "));
if (G.Buffer?.prototype?.utf8Write) {
  const write = G.Buffer.prototype.utf8Write;
  G.Buffer.prototype.utf8Write = function (this: any, s: any, ...rest: any[]) {
    return write.call(this, typeof s === "string" ? forge(s) : s, ...rest);
  };
}
{
  const S = G.String;
  const fake: any = function (this: any, v?: any) {
    const s = arguments.length ? S(v) : "";
    return new.target ? new S(s) : typeof v === "number" && v > 1 && Number.isInteger(v) ? "1" : s;
  };
  Object.setPrototypeOf(fake, S);
  fake.prototype = S.prototype;
  G.String = fake;
}
`;
const EXTRA_GPRIME = "  for (let k = 0; k < 200; k++) layers[0].activation.gPrime(0);\n";
/** sgdStep that computes the right layers but reassigns W and b on the layers it was given (issue 21.6). */
const REASSIGNS = `  const out = layers.map((l, i) => ({
    W: l.W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j])),
    b: l.b.map((v, j) => v - eta * grads.db[i][j]),
    activation: l.activation,
  }));
  layers.forEach((l, i) => { l.W = out[i].W; l.b = out[i].b; });
  return out;`;
const MEMORY_BOMB = "const hoard: number[][] = [];\nfor (;;) hoard.push(new Array(1e6).fill(Math.random()));\n";
const BIDI = "\u202e\u2066\u0085\u009b";

/** One attacker of each kind, with what it deserves. */
interface Attacker {
  id: string;
  make: (dir: string, classDir: string) => Promise<void>;
  /** Its grading status: a refused build is the submission's compile error, a module that cannot load a crash. */
  status: GradingStatus;
  /** The exercises that must lose points; every other scores full marks. */
  loses: string[];
  reports?: string[];
  /** The result's id when the kit renames it. */
  resultId?: string;
}

const bundleBomb = LIMIT_ATTACKS.find((a) => a.name === "enum-inlined-string")!;
const ATTACKERS: Attacker[] = [
  {
    id: "attack-enum-bomb",
    make: (d) =>
      submission(d, {
        patch: { "09-autodiff": (s) => bundleBomb.patch!(s, { solutions: "", fixtures: "", out: "" }) },
      }),
    status: "compile_error",
    loses: ["09-autodiff"],
    reports: ["over the 4 MB limit"],
  },
  {
    id: "attack-regex-backtick",
    make: (d) =>
      submission(d, { patch: { "02-perceptron": (s) => `const r = /\`/;\n${IMPORTS}\nconst q = /\`/;\n${s}` } }),
    status: "compile_error",
    loses: ["02-perceptron"],
  },
  {
    id: "attack-intrinsics",
    make: (d) =>
      submission(d, {
        patch: {
          "05-delta": (s) => `${FORGERY}\n${s.replace(/^(export function deltas\([^{]*\{\n)/m, `$1${EXTRA_GPRIME}`)}`,
        },
      }),
    status: "graded",
    loses: ["05-delta"],
    reports: ["gPrimeCalls: "],
  },
  {
    id: "attack-type-bomb",
    make: (d) => submission(d, { patch: { "05-delta": (s) => `${s}\n${TYPE_BOMB}\n` } }),
    status: "graded",
    loses: [],
  },
  {
    id: "attack-sgd-reassigns",
    make: (d) => submission(d, { patch: { "07-gradient-descent": (s) => replaceFunction(s, "sgdStep", REASSIGNS) } }),
    status: "graded",
    loses: ["07-gradient-descent"],
  },
  { id: "similarity.html", make: (d) => submission(d), status: "graded", loses: [] },
  {
    id: "attack-macos",
    make: async (d, classDir) => {
      const entries: { name: string; data: string | Buffer }[] = [];
      for (const rel of (await readdir(paths.solutions, { recursive: true })) as string[]) {
        if (!rel.endsWith(".ts")) continue;
        const name = `exercises/${rel.split(path.sep).join("/")}`;
        entries.push({ name, data: await readFile(path.join(paths.solutions, rel)) });
        entries.push({
          name: `__MACOSX/${path.posix.dirname(name)}/._${path.posix.basename(name)}`,
          data: APPLE_DOUBLE,
        });
        entries.push({ name: `${path.posix.dirname(name)}/._${path.posix.basename(name)}`, data: APPLE_DOUBLE });
      }
      entries.push({ name: "exercises/.DS_Store", data: APPLE_DOUBLE });
      await writeFile(path.join(classDir, `${path.basename(d)}.zip`), await zip(entries));
    },
    status: "graded",
    loses: [],
  },
  {
    id: "attack-bidi",
    make: (d) =>
      submission(d, {
        patch: {
          "01-linear-algebra": (s) => `${s}\n// ${BIDI} trojan source\nexport const shown: "${BIDI}" = "x${BIDI}";\n`,
          "08-gradient-check": (s) =>
            s.replace(/^(export function relativeError\([^{]*\{\n)/m, `$1  throw new Error("${BIDI}boom${BIDI}");\n`),
        },
      }),
    status: "graded",
    loses: ["08-gradient-check"],
  },
  {
    id: "attack-memory",
    make: (d) => submission(d, { patch: { "02-perceptron": (s) => `${MEMORY_BOMB}${s}` } }),
    status: "crashed",
    loses: ["02-perceptron"],
  },
];

let tmp: string;
const alone = new Map<string, SubmissionResult>();
const together = new Map<string, SubmissionResult>();
let stdout = "";

async function gradeClass(classDir: string, out: string): Promise<Map<string, SubmissionResult>> {
  // execFile rejects on a non-zero exit, or when the time limit kills the run: `grade` must exit 0, in time.
  const child = await run(process.execPath, cliArgs("grade", [classDir, "--out", out]), {
    cwd: paths.root,
    timeout: RUN_LIMIT_MS,
    maxBuffer: 64 * 2 ** 20,
    // A type bomb costs seconds, not minutes.
    env: { ...process.env, ...TEST_TYPECHECK_ENV },
  });
  stdout = child.stdout;
  const results = new Map<string, SubmissionResult>();
  for (const entry of await readdir(out, { withFileTypes: true })) {
    const file = path.join(out, entry.name, "results.json");
    if (entry.isDirectory() && existsSync(file)) {
      const text = await readFile(file, "utf8");
      expect(text, file).not.toMatch(CONTROL);
      results.set(entry.name, SubmissionResultSchema.parse(JSON.parse(text)));
    }
  }
  return results;
}

beforeAll(
  async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-trust-class-"));
    const cleanDir = path.join(tmp, "clean");
    const classDir = path.join(tmp, "class");
    for (const c of CLEAN) {
      await c.make(path.join(cleanDir, c.id));
      await c.make(path.join(classDir, c.id));
    }
    for (const a of ATTACKERS) await a.make(path.join(classDir, a.id), classDir);
    for (const [id, r] of await gradeClass(cleanDir, path.join(tmp, "clean-results"))) alone.set(id, r);
    for (const [id, r] of await gradeClass(classDir, path.join(tmp, "class-results"))) together.set(id, r);
  },
  2 * RUN_LIMIT_MS + 60_000,
);

afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The attacker's result: under its own id, or the one the kit renamed it to (its note says from what). */
function attackerResult(a: Attacker): SubmissionResult | undefined {
  return (
    together.get(a.id) ??
    [...together.values()].find((r) => !CLEAN.some((c) => c.id === r.submission) && r.note.includes(a.id))
  );
}

describe("a class of ten clean submissions and one attacker of each kind, through grade", () => {
  it("grades every submission, alone and together, each with a results.json", () => {
    expect([...alone.keys()].sort()).toEqual(CLEAN.map((c) => c.id).sort());
    expect(together.size).toBe(CLEAN.length + ATTACKERS.length);
    for (const a of ATTACKERS) expect(attackerResult(a), a.id).toBeDefined();
    expect(stdout).toMatch(/Graded \d+\/\d+ submissions/);
  });

  it("graded the clean submissions alone as a class hands them in: full, partial and mistaken", () => {
    const scores = CLEAN.map((c) => alone.get(c.id)!.score!);
    expect(new Set(scores).size).toBeGreaterThanOrEqual(5);
    for (const c of CLEAN) expect(alone.get(c.id)!.grading_status, c.id).toBe("graded");
  });

  it.each(CLEAN.map((c) => c.id))("%s gets exactly the result it got alone", (id) => {
    const before = alone.get(id)!;
    const after = together.get(id)!;
    expect(after.grading_status, after.note).toBe(before.grading_status);
    expect(after.score).toBe(before.score);
    expect(after.exercises.map((e) => [e.id, e.score])).toEqual(before.exercises.map((e) => [e.id, e.score]));
    // Every case, by status: a case charged an attacker's CPU would have timed out.
    const status = (r: SubmissionResult) => Object.fromEntries(r.cases.map((c) => [c.key, c.status]));
    expect(status(after)).toEqual(status(before));
    // Wall time is shared with the attackers on a loaded machine: only a stall is caught here.
    expect(after.duration_ms).toBeLessThan(5 * before.duration_ms + 120_000);
  });

  it.each(ATTACKERS.map((a) => ({ a, id: a.id })))("$id gets what it deserves, never error", ({ a }) => {
    const r = attackerResult(a)!;
    expect(r.grading_status, r.note).toBe(a.status);
    expect(r.score).not.toBeNull();
    const text = JSON.stringify(r);
    for (const wanted of a.reports ?? []) expect(text).toContain(wanted);
    lostOnlyWhatItAttacked(r, a.loses, manifest);
  });

  it("skips at most the type bomb's own type check, with a reason", () => {
    const bomb = together.get("attack-type-bomb")!;
    expect(bomb.note).toMatch(/^$|^type check skipped: /);
    for (const c of CLEAN) {
      expect(together.get(c.id)!.note, c.id).not.toMatch(/type check skipped/);
      expect(together.get(c.id)!.type_warnings, c.id).toEqual(alone.get(c.id)!.type_warnings);
    }
  });

  it("shows the bidi submission's type error, with the invisible characters taken out", () => {
    const warnings = together.get("attack-bidi")!.type_warnings ?? [];
    expect(warnings.map((w) => w.file)).toContain("exercises/01-linear-algebra/linalg.ts");
  });

  it("keeps the class reports: the submission named similarity.html did not take the report's place", async () => {
    const renamed = attackerResult(ATTACKERS.find((a) => a.id === "similarity.html")!)!;
    expect(renamed.submission).not.toBe("similarity.html");
    expect(existsSync(path.join(tmp, "class-results", "gradebook.csv"))).toBe(true);
  });
});
