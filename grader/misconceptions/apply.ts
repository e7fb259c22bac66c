/**
 * Builds the source of a submission that makes a catalogued mistake: the
 * reference solution's file with one export swapped for the mistake's code.
 * Used by the catalogue's self-test, the demo class and the benchmark.
 *
 * A mistake file may import only names the reference file also has in scope
 * (its types and its own imports): its import lines are dropped when it is
 * pasted in, and the reference file's imports serve instead.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import type { Misconception } from "./types.ts";

/** Every .ts file under `dir` as text, keyed by its path relative to it: a submission's exercise files. */
export function exerciseTexts(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    if (rel.endsWith(".ts")) files.set(rel.split(path.sep).join("/"), readFileSync(path.join(dir, rel), "utf8"));
  }
  return files;
}

export const MISTAKES_DIR = path.join(import.meta.dirname, "mistakes");

export function mistakeFile(m: Misconception): string {
  return path.join(MISTAKES_DIR, `${m.id}.ts`);
}

/** `source` with `symbol`'s export renamed away and the mistake's code appended. */
export function swapExport(source: string, symbol: string, mistake: string): string {
  const declaration = new RegExp(`^export (function|class) ${symbol}\\b`, "m");
  if (!declaration.test(source)) throw new Error(`the reference file has no exported function or class ${symbol}`);
  const renamed = source.replace(declaration, (_m, kind: string) => `${kind} __reference_${symbol}`);
  // What follows `// Carried:` is for the live diagnoser only: the submission's own functions carry the mistake.
  const body = mistake
    .split(/^\/\/ Carried:/m)[0]
    .replace(/^import [^;]*;\n/gm, "")
    .trim();
  return `${renamed}\n// A catalogued mistake, pasted in place of the reference ${symbol}:\n${body}\n`;
}

/**
 * The exercise files of a submission built from the reference solutions with
 * the given mistakes applied, keyed by path relative to exercises/.
 */
export function submissionWithMistakes(
  manifest: Manifest,
  mistakes: Misconception[],
  from = paths.solutions,
): Map<string, string> {
  const files = new Map<string, string>();
  files.set("types.ts", readFileSync(path.join(from, "types.ts"), "utf8"));
  for (const e of manifest.exercises) {
    const rel = `${e.id}/${e.file}`;
    let source = readFileSync(path.join(from, rel), "utf8");
    for (const m of mistakes.filter((x) => x.exercise === e.id)) {
      source = swapExport(source, m.export ?? m.fn, readFileSync(mistakeFile(m), "utf8"));
    }
    files.set(rel, source);
  }
  return files;
}
