/**
 * Internal. Remembers compiled exercise modules by the contents of the files
 * they were built from, so a class full of untouched stubs and shared helper
 * files compiles each distinct version once. esbuild's metafile says which
 * files an exercise's bundle read; a later submission whose copies of exactly
 * those files are byte-identical gets the same bundle without a build.
 */
import { createHash } from "node:crypto";
import type { Bundle, Built, ExerciseFiles } from "./compile.ts";
import type { CompileStore } from "./compile-store.ts";

interface Variant extends Bundle {
  /** Path relative to exercises/ → sha256 of its contents. */
  inputs: [string, string][];
}

/** sha256 of each file's contents, keyed by its path. */
export function hashFiles(files: ExerciseFiles): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [rel, contents] of files) hashes.set(rel, createHash("sha256").update(contents).digest("hex"));
  return hashes;
}

export class CompileCache {
  private readonly variants = new Map<string, Variant[]>();

  /** Builds this cache does not hold are looked up here, and kept here, across runs (compile-store.ts). */
  readonly disk: CompileStore | undefined;
  /** Bounds memory: the oldest variant goes first. */
  private readonly perExercise: number;

  constructor(options: { disk?: CompileStore; perExercise?: number } = {}) {
    this.disk = options.disk;
    this.perExercise = options.perExercise ?? 32;
  }

  lookup(exercise: string, hashes: Map<string, string>): Built | undefined {
    const hit = this.variants.get(exercise)?.find((v) => v.inputs.every(([rel, hash]) => hashes.get(rel) === hash));
    return hit && { code: hit.code, map: hit.map, inputs: hit.inputs.map(([rel]) => rel) };
  }

  store(exercise: string, inputs: string[], hashes: Map<string, string>, bundle: Bundle): void {
    const pairs = inputs.map((rel): [string, string] => [rel, hashes.get(rel) ?? ""]);
    if (pairs.length === 0 || pairs.some(([, hash]) => hash === "")) return;
    const list = this.variants.get(exercise) ?? [];
    list.push({ inputs: pairs, code: bundle.code, map: bundle.map });
    if (list.length > this.perExercise) list.shift();
    this.variants.set(exercise, list);
  }
}
