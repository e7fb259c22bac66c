/**
 * Internal. Similarity of a class: each exercise compared on its own (nine
 * short files are not diluted into one), then each pair of submissions scored
 * over the exercises both have, weighted by size: the fingerprints they share
 * over all their fingerprints, the stubs left out. That pooled figure is what
 * the threshold applies to; a single short exercise is too little code to
 * tell copying from two people writing the same few lines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { compareExercise, type ExerciseSimilarity, type PairResult } from "./compare.ts";
import { SIMILARITY_THRESHOLD } from "./flag.ts";
import type { Sources } from "./sources.ts";

/** How many pairs per exercise get a side-by-side view, ranked each way. */
export const DETAIL_TOP = 8;
/** At most this many pairs per exercise get a side-by-side view. */
export const DETAIL_MAX = 20;

export interface ExerciseShare {
  exercise: string;
  similarity: number;
  longest: number;
}

export interface SubmissionPair {
  a: string;
  b: string;
  /** Pooled over the exercises both submitted. */
  similarity: number;
  /** The longest shared fragment of any exercise, in fingerprints. */
  longest: number;
  /** The exercises where the two share anything, most similar first. */
  exercises: ExerciseShare[];
  flagged: boolean;
}

export interface ClassSimilarity {
  threshold: number;
  compared: string[];
  missing: Sources["missing"];
  exercises: ExerciseSimilarity[];
  /** Every pair of submissions that shares anything, most similar first. */
  pairs: SubmissionPair[];
  /** Time spent comparing, in ms. */
  ms: number;
}

/** The pairs of an exercise shown side by side: the top ones by similarity and by longest fragment, and all above the threshold. */
export function detailPairs(threshold: number): (pairs: PairResult[]) => Set<PairResult> {
  return (pairs) => {
    const chosen = new Set<PairResult>(pairs.slice(0, DETAIL_TOP));
    for (const p of [...pairs].sort((x, y) => y.longest - x.longest).slice(0, DETAIL_TOP)) chosen.add(p);
    for (const p of pairs) if (chosen.size < DETAIL_MAX && p.similarity >= threshold) chosen.add(p);
    return chosen;
  };
}

const key = (a: string, b: string) => `${a}\u0000${b}`;

/** Pools the exercises' pairs into pairs of submissions. */
export function poolPairs(exercises: ExerciseSimilarity[], threshold: number): SubmissionPair[] {
  const shared = new Map<string, { shared: number; exercises: ExerciseShare[] }>();
  for (const e of exercises)
    for (const p of e.pairs) {
      const k = key(p.a, p.b);
      const entry = shared.get(k) ?? { shared: 0, exercises: [] };
      entry.shared += p.shared;
      entry.exercises.push({ exercise: e.exercise, similarity: p.similarity, longest: p.longest });
      shared.set(k, entry);
    }
  const pairs: SubmissionPair[] = [];
  for (const [k, entry] of shared) {
    const [a, b] = k.split("\u0000");
    // Over every exercise both were compared on, including those where they share nothing.
    let own = 0;
    for (const e of exercises) if (e.own.has(a) && e.own.has(b)) own += e.own.get(a)! + e.own.get(b)!;
    const similarity = own > 0 ? Math.min(1, entry.shared / own) : 0;
    const ex = entry.exercises.sort((x, y) => y.similarity - x.similarity);
    const longest = Math.max(...ex.map((x) => x.longest));
    pairs.push({ a, b, similarity, longest, exercises: ex, flagged: similarity >= threshold });
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || y.longest - x.longest || (x.a + x.b < y.a + y.b ? -1 : 1));
}

/** Compares every exercise of the class and pools the pairs. */
export async function analyzeClass(
  sources: Sources,
  manifest: Manifest,
  threshold = SIMILARITY_THRESHOLD,
  stubs = paths.exercises,
): Promise<ClassSimilarity> {
  const started = performance.now();
  const exercises: ExerciseSimilarity[] = [];
  for (const e of manifest.exercises) {
    const stub = readFileSync(path.join(stubs, e.id, e.file), "utf8");
    const entries = sources.submissions.flatMap((s) => {
      const text = s.files.get(e.id);
      return text === undefined ? [] : [{ id: s.id, text }];
    });
    exercises.push(await compareExercise(e.id, entries, stub, detailPairs(threshold)));
  }
  return {
    threshold,
    compared: sources.submissions.map((s) => s.id),
    missing: sources.missing,
    exercises,
    pairs: poolPairs(exercises, threshold),
    ms: performance.now() - started,
  };
}
