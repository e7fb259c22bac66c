/**
 * A later exercise's failure that comes from the student's own earlier functions is said to come from them, and
 * never named as a mistake of the later exercise: each failing case of 06's `gradients` and 07's `train` is run
 * once more with the course's earlier functions swapped in (engine/upstream.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gradeImplementation, type GradedImplementation } from "../engine/grade.ts";
import { courseReference } from "../engine/known-outcomes.ts";
import type { CaseResult } from "../engine/results.ts";
import { upstreamSentence } from "../engine/upstream.ts";
import { UPSTREAM_CALLS, upstreamOfExercise } from "../engine/upstream-imports.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { swapExport } from "../misconceptions/apply.ts";
import { loadCatalogue, makeDiagnoser } from "../misconceptions/diagnose.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { watchCompiles } from "../sandbox/compile-guard.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { caseDetail } from "../reports/case-detail.ts";
import { feedbackMarkdown } from "../reports/feedback-md.ts";
import { SubmissionResultSchema } from "../engine/results.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] }).filter((c) =>
  ["06-gradients", "07-gradient-descent"].includes(c.exercise),
);
let workspace: Workspace;
let reference: ExerciseFiles;
let diagnose: Awaited<ReturnType<typeof makeDiagnoser>>;

beforeAll(async () => {
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  reference = (await courseReference())!;
  diagnose = makeDiagnoser(await loadCatalogue());
}, 30_000);
afterAll(() => workspace?.dispose());

const FILE: Record<string, string> = {
  "04-forward": "04-forward/forward.ts",
  "05-delta": "05-delta/delta.ts",
  "06-gradients": "06-gradients/gradients.ts",
  "07-gradient-descent": "07-gradient-descent/descent.ts",
};

/** The reference solutions with some exports replaced, or whole files. */
function submission(swaps: [string, string, string][], whole: Record<string, string> = {}): ExerciseFiles {
  const files: ExerciseFiles = new Map();
  for (const [rel, text] of reference) files.set(rel, text);
  for (const [exercise, symbol, code] of swaps) {
    const rel = FILE[exercise];
    files.set(rel, swapExport(String(files.get(rel)), symbol, code));
  }
  for (const [exercise, text] of Object.entries(whole)) files.set(FILE[exercise], text);
  return files;
}

const FORWARD_A_IN_F = `export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const layer of layers) {
    const z = layer.b.map((bj, j) => bj + prev.reduce((s, ar, r) => s + layer.W[r][j] * ar, 0));
    const out = z.map((v) => layer.activation.g(v));
    f.push(out); // keeps the activation where f belongs
    a.push(out);
    prev = out;
  }
  return { f, a };
}`;

const FORWARD_NO_BIAS = `export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const layer of layers) {
    const z = layer.b.map((_bj, j) => prev.reduce((s, ar, r) => s + layer.W[r][j] * ar, 0));
    f.push(z);
    a.push(z.map((v) => layer.activation.g(v)));
    prev = a[a.length - 1];
  }
  return { f, a };
}`;

const DELTAS_NO_GPRIME = `export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = [];
  out[L - 1] = dEdYhat.map((d, j) => layers[L - 1].activation.gPrime(cache.f[L - 1][j]) * d);
  for (let i = L - 2; i >= 0; i--) {
    const W = layers[i + 1].W;
    out[i] = cache.f[i].map((_f, r) => out[i + 1].reduce((s, d, j) => s + W[r][j] * d, 0));
  }
  return out;
}`;

const DELTAS_NOT_STARTED = `export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  throw new Error("not implemented: deltas");
}`;

const WEIGHT_GRADIENT_TRANSPOSED = `export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  return delta.map((d) => aPrev.map((a) => a * d));
}`;

const LOSS_NO_HALF = `export function loss(yHat: Vector, y: Vector): number {
  return yHat.reduce((s, v, j) => s + (v - y[j]) ** 2, 0);
}`;

const GRADIENTS_DB_ZERO = `export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const d = deltas(layers, cache, lossGradient(cache.a[layers.length - 1], y));
  return {
    dW: d.map((dl, i) => weightGradient(i === 0 ? x : cache.a[i - 1], dl)),
    db: d.map((dl) => dl.map(() => 0)),
  };
}`;

/** A 06 that computes δ itself, importing no deltas, and gets the output layer's δ wrong (no g′). */
const GRADIENTS_OWN_DELTA_WRONG = `import type { Gradients, Layer, Matrix, Vector } from "../types";
import { forward } from "../04-forward/forward";
export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  return aPrev.map((a) => delta.map((d) => a * d));
}
export function loss(yHat: Vector, y: Vector): number {
  return yHat.reduce((s, v, j) => s + (v - y[j]) ** 2, 0) / 2;
}
export function lossGradient(yHat: Vector, y: Vector): Vector {
  return yHat.map((v, j) => v - y[j]);
}
export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { f, a } = forward(layers, x);
  const L = layers.length;
  const d: Vector[] = [];
  d[L - 1] = lossGradient(a[L - 1], y);
  for (let i = L - 2; i >= 0; i--)
    d[i] = f[i].map((fr, r) => layers[i].activation.gPrime(fr) * d[i + 1].reduce((s, dj, j) => s + layers[i + 1].W[r][j] * dj, 0));
  return { dW: d.map((dl, i) => weightGradient(i === 0 ? x : a[i - 1], dl)), db: d.map((dl) => [...dl]) };
}
`;

const TRAIN_ASCENT = `export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  for (let e = 0; e < options.epochs; e++) {
    for (let i = 0; i < xs.length; i++) current = sgdStep(current, gradients(current, xs[i], ys[i]), -options.eta);
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const { a } = forward(current, xs[i]);
      total += loss(a[a.length - 1], ys[i]);
    }
    losses.push(total / xs.length);
  }
  return { layers: current, losses };
}`;

/**
 * The course's 07 with its train refusing to run twice on the same arguments in one process. The course's training
 * cases check three things of one run, so each variant must run it once for them all: run once per case, two of the
 * three would fail with the course's earlier functions too, and be wrongly called train's own.
 */
const trainOnce = () =>
  String(reference.get(FILE["07-gradient-descent"])).replace("export function train(", "function courseTrain(") +
  `
const trained = new Set<string>();
export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  const key = JSON.stringify([layers, xs, ys, options]);
  if (trained.has(key)) throw new Error("trained on these already");
  trained.add(key);
  return courseTrain(layers, xs, ys, options);
}
`;

type Blame = Record<string, string[] | "own" | "pass">;

interface Row {
  what: string;
  files: () => ExerciseFiles;
  /** For each function seen (exercise/fn): the earlier exercises blamed on its failing cases, "own" for none. */
  expect: Blame;
}

const rows: Row[] = [
  {
    what: "forward storing a in f, seen from 06 and 07",
    files: () => submission([["04-forward", "forward", FORWARD_A_IN_F]]),
    expect: { "06-gradients/gradients": ["04-forward"], "07-gradient-descent/train": ["04-forward"] },
  },
  {
    what: "forward without the bias",
    files: () => submission([["04-forward", "forward", FORWARD_NO_BIAS]]),
    expect: { "06-gradients/gradients": ["04-forward"], "07-gradient-descent/train": ["04-forward"] },
  },
  {
    what: "forward without the bias, beside a train that refuses to run twice on the same arguments",
    files: () => submission([["04-forward", "forward", FORWARD_NO_BIAS]], { "07-gradient-descent": trainOnce() }),
    expect: { "06-gradients/gradients": ["04-forward"], "07-gradient-descent/train": ["04-forward"] },
  },
  {
    what: "deltas without g′ in the hidden layers",
    files: () => submission([["05-delta", "deltas", DELTAS_NO_GPRIME]]),
    expect: { "06-gradients/gradients": ["05-delta"], "07-gradient-descent/train": ["05-delta"] },
  },
  {
    what: "deltas not started",
    files: () => submission([["05-delta", "deltas", DELTAS_NOT_STARTED]]),
    expect: { "06-gradients/gradients": ["05-delta"], "07-gradient-descent/train": ["05-delta"] },
  },
  {
    what: "a transposed weight gradient crashes train in correct sgdStep",
    files: () => submission([["06-gradients", "weightGradient", WEIGHT_GRADIENT_TRANSPOSED]]),
    expect: { "06-gradients/gradients": "own", "07-gradient-descent/train": ["06-gradients"] },
  },
  {
    what: "a loss without ½ makes train's losses wrong",
    files: () => submission([["06-gradients", "loss", LOSS_NO_HALF]]),
    expect: { "06-gradients/gradients": "pass", "07-gradient-descent/train": ["06-gradients"] },
  },
  {
    what: "forward and deltas both wrong",
    files: () =>
      submission([
        ["04-forward", "forward", FORWARD_NO_BIAS],
        ["05-delta", "deltas", DELTAS_NO_GPRIME],
      ]),
    expect: { "06-gradients/gradients": ["04-forward", "05-delta"] },
  },
  {
    what: "gradients' own mistake with right 04 and 05",
    files: () => submission([["06-gradients", "gradients", GRADIENTS_DB_ZERO]]),
    expect: { "06-gradients/gradients": "own", "07-gradient-descent/train": ["06-gradients"] },
  },
  {
    // 06 fails with the course's deltas too, so it is its own; from 07 each of 05 and 06 alone breaks train.
    what: "gradients' own mistake and a wrong deltas",
    files: () =>
      submission([
        ["06-gradients", "gradients", GRADIENTS_DB_ZERO],
        ["05-delta", "deltas", DELTAS_NO_GPRIME],
      ]),
    expect: { "06-gradients/gradients": "own", "07-gradient-descent/train": ["05-delta", "06-gradients"] },
  },
  {
    what: "a 06 that computes δ itself, wrongly, beside a wrong deltas it never calls",
    files: () => submission([["05-delta", "deltas", DELTAS_NO_GPRIME]], { "06-gradients": GRADIENTS_OWN_DELTA_WRONG }),
    expect: { "06-gradients/gradients": "own", "07-gradient-descent/train": ["06-gradients"] },
  },
  {
    what: "train's own mistake beside a wrong deltas",
    files: () =>
      submission([
        ["07-gradient-descent", "train", TRAIN_ASCENT],
        ["05-delta", "deltas", DELTAS_NO_GPRIME],
      ]),
    expect: { "06-gradients/gradients": ["05-delta"], "07-gradient-descent/train": "own" },
  },
  {
    what: "train's own mistake with right 04 to 06",
    files: () => submission([["07-gradient-descent", "train", TRAIN_ASCENT]]),
    expect: { "06-gradients/gradients": "pass", "07-gradient-descent/train": "own" },
  },
  {
    // The course's 05 has no such helper, so no build with it can run: nothing is said rather than a guess.
    what: "a 06 that imports a helper only the student's 05 has",
    files: () => {
      const files = submission([["05-delta", "deltas", DELTAS_NO_GPRIME]]);
      const delta = `${String(files.get(FILE["05-delta"]))}\nexport const HELPER = 1;\n`;
      const gradients = String(files.get(FILE["06-gradients"])).replace(
        'import { deltas } from "../05-delta/delta";',
        'import { deltas, HELPER } from "../05-delta/delta";\nvoid HELPER;',
      );
      files.set(FILE["05-delta"], delta);
      files.set(FILE["06-gradients"], gradients);
      return files;
    },
    expect: { "06-gradients/gradients": "own" },
  },
  {
    what: "the reference",
    files: () => submission([]),
    expect: { "06-gradients/gradients": "pass", "07-gradient-descent/train": "pass" },
  },
];

const graded = new Map<string, Promise<GradedImplementation>>();
function grade(row: Row): Promise<GradedImplementation> {
  let pending = graded.get(row.what);
  if (!pending) {
    pending = gradeImplementation({ files: row.files(), manifest, cases, workspace, diagnose, reference });
    graded.set(row.what, pending);
  }
  return pending;
}

describe("a failure that comes from earlier exercises", () => {
  it.each(rows.flatMap((row) => Object.entries(row.expect).map(([seen, blame]) => ({ row, seen, blame }))))(
    "$row.what: $seen → $blame",
    async ({ row, seen, blame }) => {
      const { cases: results } = await grade(row);
      const own = results.filter((c) => `${c.exercise}/${c.fn}` === seen);
      expect(own.length).toBeGreaterThan(0);
      const failing = own.filter((c) => c.status !== "pass");
      if (blame === "pass") return expect(failing.map((c) => c.key)).toEqual([]);
      expect(failing.length).toBeGreaterThan(0);
      for (const c of failing) {
        if (blame === "own") {
          expect(c.upstream, c.key).toBeUndefined();
          continue;
        }
        // Every failing case, public and hidden, says where it comes from, and blames nothing in its own code.
        expect(
          c.upstream?.from.map((s) => s.exercise),
          c.key,
        ).toEqual(blame);
        expect(c.diagnosis, c.key).toBeUndefined();
        expect(c.trace, c.key).toBeUndefined();
        expect(c.source, c.key).toBeUndefined();
        expect(c.not_implemented, c.key).toBeUndefined();
        // Charged all the same: the score comes from the student's own run alone.
        expect(c.score).toBe(0);
        const words = [upstreamSentence(c)!, ...caseDetail(c, { diagnosis: true, formulas: false })].join("\n");
        for (const s of c.upstream!.from) expect(words).toContain(`(${s.exercise.slice(0, 2)})`);
      }
    },
    60_000,
  );
});

describe("earlier exercises that are the course's own, byte for byte", () => {
  // Swapping in a file identical to the student's changes nothing: no sentence names it, and no build or sandbox is
  // spent on it.
  it.each<[string, Record<string, string[]>]>([
    [
      "forward storing a in f, seen from 06 and 07",
      { "06-gradients/gradients": ["04-forward"], "07-gradient-descent/train": ["04-forward"] },
    ],
    ["deltas not started", { "06-gradients/gradients": ["05-delta"], "07-gradient-descent/train": ["05-delta"] }],
    ["forward and deltas both wrong", { "06-gradients/gradients": ["04-forward", "05-delta"] }],
    [
      "a transposed weight gradient crashes train in correct sgdStep",
      { "07-gradient-descent/train": ["06-gradients"] },
    ],
  ])("%s: the course's functions named are only those the student wrote otherwise", async (what, swapped) => {
    const { cases: results } = await grade(rows.find((r) => r.what === what)!);
    for (const [seen, exercises] of Object.entries(swapped)) {
      const failing = results.filter((c) => `${c.exercise}/${c.fn}` === seen && c.status !== "pass");
      expect(failing.length, seen).toBeGreaterThan(0);
      for (const c of failing)
        expect(
          c.upstream?.swapped.map((s) => s.exercise),
          c.key,
        ).toEqual(exercises);
    }
  });

  it.each<[string, string[], number]>([
    // 06 fails on its own with the course's 04 and 05 in place: nothing is built for it.
    ["gradients' own mistake with right 04 and 05", ["07-gradient-descent with the course's 04, 05, 06"], 1],
    [
      "a transposed weight gradient crashes train in correct sgdStep",
      ["07-gradient-descent with the course's 04, 05, 06"],
      1,
    ],
    [
      "forward and deltas both wrong",
      [
        "06-gradients with the course's 04, 05",
        "06-gradients with the course's 04",
        "06-gradients with the course's 05",
        "07-gradient-descent with the course's 04, 05, 06",
        "07-gradient-descent with the course's 04, 06",
        "07-gradient-descent with the course's 05, 06",
      ],
      // All six in one build.
      1,
    ],
    ["the reference", [], 0],
  ])("%s: builds only the variants that can differ", async (what, expected, builds) => {
    // A file of its own makes every build new, so none is answered from the compile store and each is seen.
    const marker = `// ${randomUUID()}\n`;
    const files = rows.find((r) => r.what === what)!.files();
    files.set("marker.ts", marker);
    const variants: string[] = [];
    let seen = 0;
    const stop = watchCompiles((e) => {
      if (e.phase !== "start" || !e.request.reference || !e.request.files.some(([, text]) => text === marker)) return;
      seen++;
      const swaps = e.request.variants ?? [e.request.swapped ?? []];
      e.request.entryPoints.forEach((entry, k) => {
        const exercise = entry.in.split("/").find((part) => /^\d\d-/.test(part));
        const course = [...new Set(swaps[k].map((rel) => rel.slice(0, 2)))].sort();
        variants.push(`${exercise} with the course's ${course.join(", ")}`);
      });
    });
    try {
      await gradeImplementation({ files, manifest, cases, workspace, diagnose, reference });
    } finally {
      stop();
    }
    expect(variants.sort()).toEqual([...expected].sort());
    expect(seen).toBe(builds);
  });
});

describe("what it says", () => {
  const c = (upstream: CaseResult["upstream"]) => ({ fn: "train", upstream });
  it.each([
    [
      "one culprit",
      c({
        from: [{ exercise: "05-delta", functions: ["deltas"] }],
        swapped: [
          { exercise: "04-forward", functions: ["forward"] },
          { exercise: "05-delta", functions: ["deltas"] },
        ],
      }),
      /^This comes from your `deltas` \(05\), not from `train`: .*course's own `forward` and `deltas`.*only your `deltas` \(05\).*still counted as lost/,
    ],
    [
      "an exercise with two functions",
      c({
        from: [{ exercise: "06-gradients", functions: ["gradients", "loss"] }],
        swapped: [{ exercise: "06-gradients", functions: ["gradients", "loss"] }],
      }),
      /^This comes from your `gradients` or `loss` \(06\)/,
    ],
    [
      "two culprits",
      c({
        from: [
          { exercise: "04-forward", functions: ["forward"] },
          { exercise: "05-delta", functions: ["deltas"] },
        ],
        swapped: [
          { exercise: "04-forward", functions: ["forward"] },
          { exercise: "05-delta", functions: ["deltas"] },
        ],
      }),
      /^This comes from your `forward` \(04\) and your `deltas` \(05\)/,
    ],
    [
      "none alone",
      c({ from: [], swapped: [{ exercise: "04-forward", functions: ["forward"] }] }),
      /^This comes from the earlier functions `train` calls, not from `train` itself: `train` passes this case with the course's own `forward`\. The case/,
    ],
  ])("%s", (_what, input, pattern) => {
    expect(upstreamSentence(input)).toMatch(pattern);
  });
});

describe("the table of earlier functions", () => {
  // Every import of an earlier exercise in the course's stubs is listed, so no reliance goes unchecked.
  it.each(manifest.exercises.map((e) => e.id))("%s", (id) => {
    const e = manifest.exercises.find((x) => x.id === id)!;
    const stub = readFileSync(path.join(paths.exercises, id, e.file), "utf8");
    const imported = [...stub.matchAll(/^import \{[^}]*\} from "\.\.\/([\w-]+)\//gm)].map((m) => m[1]);
    for (const u of imported) expect(upstreamOfExercise(id)).toContain(u);
    for (const fns of Object.values(UPSTREAM_CALLS[id] ?? {}))
      for (const [u, names] of Object.entries(fns)) for (const n of names) expect(readSource(u)).toMatch(n);
  });
});

function readSource(exercise: string): string {
  const e = manifest.exercises.find((x) => x.id === exercise)!;
  return readFileSync(path.join(paths.exercises, exercise, e.file), "utf8");
}

describe("the feedback page", () => {
  // A transposed weight gradient (06) crashes 07's sgdStep, which is right: the page points at 06 alone.
  it("points a crash in right code at the earlier function, with no rule, hint or line of its own", async () => {
    const row = rows.find((r) => r.what.startsWith("a transposed weight gradient"))!;
    const { cases: results, exercises } = await grade(row);
    const result = SubmissionResultSchema.parse({
      schema_version: 1,
      submission: "s",
      grading_status: "graded",
      score: 0,
      max_score: 1,
      note: "",
      input_hash: "h",
      grader_fingerprint: "f",
      visibility: ["public", "hidden"],
      exercises,
      cases: results,
      graded_at: "2026-01-01T00:00:00.000Z",
      duration_ms: 1,
    });
    const page = feedbackMarkdown(result, manifest);
    const section = page.slice(page.search(/^#+ .*07 · Gradient descent/m));
    expect(section).toContain("This comes from your `gradients` or `loss` (06), not from `train`");
    // Said before the error that shows where 07's right code crashed.
    expect(section.indexOf("This comes from")).toBeLessThan(section.indexOf("threw TypeError"));
    expect(section).not.toMatch(/Returned by|Likely mistake|Layer by layer|\*\*Hint|The rule, in the lecture/);
    // Charged all the same.
    expect(exercises.find((e) => e.id === "07-gradient-descent")!.score).toBeLessThan(
      exercises.find((e) => e.id === "07-gradient-descent")!.max_score,
    );
  }, 60_000);
});

describe("the extra run", () => {
  // A 06 that throws the source of the deltas it calls: in the extra run that is the course's, and none of it may
  // reach a result. The course's deltas names its output layer's activation gL.
  it("lets nothing of the reference out but pass/fail", async () => {
    const LEAKY = `export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const source = String(deltas);
  if (source.includes("gL")) throw new Error(source);
  return { dW: [], db: [] };
}`;
    const files = submission([
      ["05-delta", "deltas", DELTAS_NO_GPRIME],
      ["06-gradients", "gradients", LEAKY],
    ]);
    const result = await gradeImplementation({ files, manifest, cases, workspace, diagnose, reference });
    const text = JSON.stringify(result);
    expect(text).not.toContain("gL");
    expect(result.output).not.toContain("gL");
    expect(result.cases.filter((c) => c.fn === "gradients").every((c) => c.status !== "pass" && !c.upstream)).toBe(
      true,
    );
  }, 60_000);
});
