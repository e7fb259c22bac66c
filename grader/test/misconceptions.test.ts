/**
 * The misconception catalogue checks itself: every entry, applied to the
 * reference solutions and graded, is named on at least one case and no other
 * entry is named anywhere; the reference solutions name nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeImplementation, type GradedImplementation } from "../engine/grade.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { mistakeFile, submissionWithMistakes } from "../misconceptions/apply.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { loadCatalogue, makeDiagnoser } from "../misconceptions/diagnose.ts";
import type { Misconception } from "../misconceptions/types.ts";
import { paths } from "../paths.ts";
import { ADAPTERS } from "../sandbox/adapters.ts";
import { Workspace } from "../sandbox/workspace.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
/** Gradings in flight at once: each one is a compile and a sandbox process, so a few keep 2 cores busy. */
const CONCURRENCY = 3;
/** Ids that other code (the demo class, the list) names: they must stay as they are. */
const REQUIRED = [
  "delta-missing-gprime",
  "delta-gprime-of-a",
  "delta-w-transposed",
  "grad-uses-a-l",
  "grad-transposed",
  "sgd-ascent",
  "perceptron-update-sign",
  "sgn-zero-positive",
  "pla-update-all",
  "softmax-naive",
  "relu-prime-zero-one",
  "forward-no-bias",
  "forward-w-not-transposed",
  "autodiff-overwrite-grad",
];

let workspace: Workspace;
let tmp: string;
const graded = new Map<string, Promise<GradedImplementation>>();

/** Runs `jobs` with at most `limit` in flight; each job's own promise settles as soon as it is done. */
function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T>[] {
  let running = 0;
  const waiting: (() => void)[] = [];
  return jobs.map(async (job) => {
    if (running >= limit) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  });
}

async function writeSubmission(entry: Misconception): Promise<string> {
  const dir = path.join(tmp, entry.id);
  for (const [rel, source] of submissionWithMistakes(manifest, [entry])) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), source);
  }
  return dir;
}

beforeAll(async () => {
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-misconceptions-"));
  // One diagnoser for every grading: each entry's output on a case is computed once and reused.
  const diagnose = makeDiagnoser(await loadCatalogue());
  const grade = (dir: string) => gradeImplementation({ dir, manifest, cases, workspace, diagnose });
  const ids = ["(reference)", ...CATALOGUE.map((e) => e.id)];
  const running = pool(
    [() => grade(paths.solutions), ...CATALOGUE.map((e) => async () => grade(await writeSubmission(e)))],
    CONCURRENCY,
  );
  running.forEach((p, i) => {
    p.catch(() => {}); // reported by the test that awaits it
    graded.set(ids[i], p);
  });
});
afterAll(async () => {
  await Promise.allSettled(graded.values());
  await workspace?.dispose();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const entries = CATALOGUE.map((e) => ({ ...e, label: `${e.id} (${e.exercise}/${e.fn})` }));

describe("the catalogue", () => {
  it("has at least 15 entries with unique ids", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CATALOGUE.map((e) => e.id)).size).toBe(CATALOGUE.length);
  });

  it("holds every required id", () => {
    expect(REQUIRED.filter((id) => !CATALOGUE.some((e) => e.id === id))).toEqual([]);
  });

  it.each(entries)("$label: a kebab-case id, a mistake file and a function the cases call", (e) => {
    expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(existsSync(mistakeFile(e)), mistakeFile(e)).toBe(true);
    expect(ADAPTERS[e.exercise]?.[e.fn], `${e.exercise}/${e.fn}`).toBeDefined();
    const symbol = e.export ?? e.fn;
    expect(readFileSync(mistakeFile(e), "utf8")).toMatch(new RegExp(`^export (function|class) ${symbol}\\b`, "m"));
  });

  it.each(entries)("$label: a name, and an explanation that points at the lecture's formula", (e) => {
    expect(e.name.length).toBeGreaterThan(0);
    expect(e.explanation).toMatch(/lecture|[=≈]/);
  });
});

describe("diagnosis", () => {
  it("names no misconception for the reference solutions", async () => {
    const result = await graded.get("(reference)")!;
    expect(result.cases.filter((c) => c.status !== "pass").map((c) => c.key)).toEqual([]);
    expect(result.cases.flatMap((c) => (c.diagnosis ? [`${c.key}: ${c.diagnosis.id}`] : []))).toEqual([]);
  }, 60_000);

  it.each(entries)(
    "$label: named on at least one case, and no other entry named",
    async ({ id }) => {
      const result = await graded.get(id)!;
      const named = result.cases.filter((c) => c.diagnosis?.id === id).map((c) => c.key);
      const others = result.cases.flatMap((c) =>
        c.diagnosis && c.diagnosis.id !== id ? [`${c.key}: ${c.diagnosis.id}`] : [],
      );
      expect(named, "cases diagnosed with this entry").not.toEqual([]);
      expect(others, "cases diagnosed with another entry").toEqual([]);
    },
    60_000,
  );
});
