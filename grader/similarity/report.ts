/**
 * The similarity pass of a class: reads the submissions, compares them, and
 * writes similarity.html and similarity.csv into the output folder. Shared
 * by `npm run similarity` and `npm run grade -- --similarity`.
 */
import path from "node:path";
import { writeAtomic } from "../batch/atomic.ts";
import { csv } from "../batch/gradebook.ts";
import { UsageError } from "../errors.ts";
import type { Manifest } from "../manifest.ts";
import { analyzeClass, type ClassSimilarity } from "./analyze.ts";
import { loadDolos } from "./dolos.ts";
import { similarityHtml } from "./html.ts";
import { readSources } from "./sources.ts";
import { OUT_NAMES } from "../batch/out-names.ts";

export const SIMILARITY_FILES = ["similarity.html", "similarity.csv"];
/** Pairs listed in the terminal at the end of a run. */
export const TERMINAL_PAIRS = 5;

/** Every pair that shares code: pooled ("all") and per exercise. Names are formula-guarded cells. */
export function similarityCsv(s: ClassSimilarity): string {
  const round = (v: number) => Math.round(v * 10000) / 10000;
  const rows: (string | number)[][] = [
    ["scope", "submission_a", "submission_b", "similarity", "longest_fragment", "flagged"],
    ...s.pairs.map((p) => ["all", p.a, p.b, round(p.similarity), p.longest, p.flagged ? "yes" : "no"]),
    ...s.exercises.flatMap((e) =>
      e.pairs.map((p) => [
        e.exercise,
        p.a,
        p.b,
        round(p.similarity),
        p.longest,
        p.similarity >= s.threshold ? "yes" : "no",
      ]),
    ),
  ];
  return csv(rows);
}

/** The lines printed at the end of a run: the top pairs and where the reports are. */
export function terminalSummary(s: ClassSimilarity, out: string): string[] {
  const pct = (v: number) => `${Math.round(v * 100)}%`.padStart(4);
  const flagged = s.pairs.filter((p) => p.flagged).length;
  const lines = [
    `Similarity: ${s.compared.length} submissions compared per exercise in ${(s.ms / 1000).toFixed(1)} s; ` +
      `${flagged} ${flagged === 1 ? "pair" : "pairs"} at or above ${pct(s.threshold).trim()}.`,
  ];
  for (const p of s.pairs.slice(0, TERMINAL_PAIRS)) {
    const parts = p.exercises.slice(0, 4).map((x) => `${x.exercise.slice(0, 2)} ${pct(x.similarity).trim()}`);
    lines.push(
      `  ${p.flagged ? "!" : " "} ${pct(p.similarity)}  ${p.a}  ↔  ${p.b}   (${parts.join(", ")}${p.exercises.length > 4 ? ", …" : ""})`,
    );
  }
  if (s.missing.length) lines.push(`  Not compared: ${s.missing.map((m) => `${m.id} (${m.reason})`).join("; ")}.`);
  const rel = path.relative(process.cwd(), out);
  const where = rel === "" ? "." : rel.startsWith("..") ? out : rel;
  lines.push(`Similarity report: ${path.join(where, "similarity.html")} and similarity.csv.`);
  return lines;
}

/** Compares the submissions named by `inputs` (or graded into a results folder) and writes the reports into `out`. */
export async function writeSimilarity(inputs: string[], out: string, manifest: Manifest): Promise<ClassSimilarity> {
  const result = await analyzeClass(await readSources(inputs, manifest), manifest);
  await writeAtomic(path.join(out, OUT_NAMES.similarityHtml), similarityHtml(result));
  await writeAtomic(path.join(out, OUT_NAMES.similarityCsv), similarityCsv(result));
  return result;
}

/** The grade command's --similarity: compared before grading (so summary.html links it), printed at the end. */
export async function similarityStep(
  options: { similarity?: boolean; shard?: unknown },
  inputs: string[],
  out: string,
  manifest: Manifest,
): Promise<{ print(): void }> {
  if (!options.similarity) return { print() {} };
  if (options.shard)
    throw new UsageError(
      "--similarity compares the whole class, not one shard: merge the shards, then run npm run similarity -- <merged folder>",
    );
  await loadDolos();
  const result = await writeSimilarity(inputs, out, manifest);
  return { print: () => process.stdout.write(terminalSummary(result, out).join("\n") + "\n") };
}
