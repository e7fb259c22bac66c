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

function files(i: number, kind: Kind, manifest: Manifest, solutions: Map<string, string>, stubs: Map<string, string>) {
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
    case "compile-error": {
      const out = new Map(solutions);
      const rel = ids[i % ids.length];
      out.set(rel, out.get(rel)!.replace(/\{\n/, "{\n  let = ;\n"));
      return out;
    }
    case "infinite-loop": {
      // One function, checked by one hidden case: one call times out.
      const out = new Map(solutions);
      const rel = "03-activations/activations.ts";
      out.set(rel, out.get(rel)!.replace(/(export function softmaxJacobian\([^{]*\{)/, "$1\n  for (;;) {}"));
      return out;
    }
  }
}

/** Writes submissions 0 … n-1 into `dir` as s0000/exercises/…; returns their kinds. */
export async function buildClass(dir: string, n: number): Promise<Kind[]> {
  const manifest = loadManifest();
  const solutions = exerciseTexts(paths.solutions);
  const stubs = exerciseTexts(paths.exercises);
  const kinds: Kind[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kindOf(i);
    kinds.push(kind);
    for (const [rel, text] of files(i, kind, manifest, solutions, stubs)) {
      const file = path.join(dir, `s${String(i).padStart(4, "0")}`, "exercises", rel);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  }
  return kinds;
}
