/**
 * Builds N synthetic submissions for the benchmark, a deterministic mix of
 * what a real class hands in: the reference solution, catalogued mistakes,
 * partly done work, untouched stubs, compile errors, and a few infinite loops
 * so that timeouts are part of the cost.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadManifest, type Manifest } from "../grader/manifest.ts";
import { paths } from "../grader/paths.ts";
import { exerciseTexts, submissionWithMistakes } from "../grader/misconceptions/apply.ts";
import { CATALOGUE } from "../grader/misconceptions/catalogue.ts";
import { studentVariant } from "./variants.ts";

export type Kind = "reference" | "mistakes" | "partial" | "stubs" | "compile-error" | "infinite-loop";

/** Out of every 100 submissions. */
export const MIX: [Kind, number][] = [
  ["reference", 35],
  ["mistakes", 30],
  ["partial", 20],
  ["stubs", 8],
  ["compile-error", 6],
  ["infinite-loop", 1],
];

/** The kind of submission i: spread evenly, so any prefix or sample has the same mix. */
export function kindOf(i: number): Kind {
  const slot = (i * 37) % 100;
  let edge = 0;
  for (const [kind, share] of MIX) {
    edge += share;
    if (slot < edge) return kind;
  }
  return "reference";
}

/**
 * The two classes the bench grades. `bench`: the files as the course wrote them, so most are byte-identical to a
 * stub or a reference and the grader's caches answer them. `real`: every file rewritten as a student would (see
 * variants.ts), so no two files in the class are alike and every submission pays its full cost.
 */
export type Mix = "bench" | "real";

function files(
  i: number,
  kind: Kind,
  manifest: Manifest,
  solutions: Map<string, string>,
  stubs: Map<string, string>,
): Map<string, string> {
  const ids = manifest.exercises.map((e) => `${e.id}/${e.file}`);
  switch (kind) {
    case "reference":
      return new Map(solutions);
    case "stubs":
      return new Map(stubs);
    case "mistakes": {
      const first = CATALOGUE[i % CATALOGUE.length];
      const second = CATALOGUE[(i * 7 + 3) % CATALOGUE.length];
      return submissionWithMistakes(manifest, second.exercise === first.exercise ? [first] : [first, second]);
    }
    case "partial": {
      const done = 1 + (i % (ids.length - 1));
      return new Map([...solutions].map(([rel, text]) => [rel, ids.indexOf(rel) >= done ? stubs.get(rel)! : text]));
    }
    case "compile-error":
    case "infinite-loop":
      return new Map(solutions);
  }
}

/** What breaks a compile-error or infinite-loop submission, done after any rewriting so that it survives it. */
function breakFiles(i: number, kind: Kind, manifest: Manifest, files: Map<string, string>): Map<string, string> {
  const out = new Map(files);
  if (kind === "compile-error") {
    const ids = manifest.exercises.map((e) => `${e.id}/${e.file}`);
    const rel = ids[i % ids.length];
    out.set(rel, out.get(rel)!.replace(/\{\n/, "{\n  let = ;\n"));
  } else if (kind === "infinite-loop") {
    // One function, checked by one hidden case: one call times out.
    const rel = "03-activations/activations.ts";
    out.set(rel, out.get(rel)!.replace(/(export function softmaxJacobian\([^{]*\{)/, "$1\n  for (;;) {}"));
  }
  return out;
}

/** Submission i's files in the given mix, keyed by path relative to exercises/. */
export async function submissionFiles(
  i: number,
  kind: Kind,
  mix: Mix,
  course: { manifest: Manifest; solutions: Map<string, string>; stubs: Map<string, string> },
): Promise<Map<string, string>> {
  const base = files(i, kind, course.manifest, course.solutions, course.stubs);
  if (mix === "real") for (const [rel, text] of base) base.set(rel, await studentVariant(text, i + 1));
  return breakFiles(i, kind, course.manifest, base);
}

/** Writes submissions 0 … n-1 into `dir` as s0000/exercises/…; returns their kinds. */
export async function buildClass(dir: string, n: number, mix: Mix = "bench"): Promise<Kind[]> {
  const course = {
    manifest: loadManifest(),
    solutions: exerciseTexts(paths.solutions),
    stubs: exerciseTexts(paths.exercises),
  };
  const kinds: Kind[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kindOf(i);
    kinds.push(kind);
    for (const [rel, text] of await submissionFiles(i, kind, mix, course)) {
      const file = path.join(dir, `s${String(i).padStart(4, "0")}`, "exercises", rel);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  }
  return kinds;
}
