/**
 * The class-level reports of an output folder: results/summary.html and,
 * given a roster, results/canvas.csv. Built from the rows alone, each file
 * written atomically. `summaryReport` is registered in the batch's
 * CLASS_REPORTS, so a run and a merge of shards both write it; the grade
 * command calls `writeSummary` again with the roster when one is given.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeAtomic } from "../batch/atomic.ts";
import type { Row } from "../batch/gradebook.ts";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { loadCases } from "../fixtures/load.ts";
import { maxScore, type Manifest } from "../manifest.ts";
import { canvasCsv, DEFAULT_ASSIGNMENT } from "./canvas.ts";
import { matchRoster, type RosterEntry } from "./roster.ts";
import { summarize, type CaseInfo } from "./summary-data.ts";
import { summaryHtml, type RosterIssues } from "./summary-html.ts";
import { REPORT_FILES, writeReports } from "./writers.ts";
import { OUT_NAMES } from "../batch/out-names.ts";

export interface RosterOptions {
  entries: RosterEntry[];
  /** The assignment's column title in canvas.csv. */
  assignment?: string;
}

export interface ClassSummary {
  summary: string;
  canvas?: string;
  issues?: RosterIssues;
  /** Submissions whose reports were missing and were written now. */
  backfilled: number;
}

async function readResult(file: string): Promise<SubmissionResult | undefined> {
  try {
    const parsed = SubmissionResultSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Submissions kept unchanged from an earlier run are not re-graded, so the
 * writers never saw them; if that run wrote no reports (an older kit), write
 * them now from results.json, one at a time to keep memory flat.
 */
async function backfill(out: string, manifest: Manifest, rows: Row[]): Promise<number> {
  let written = 0;
  for (const row of rows) {
    const dir = path.join(out, row.submission);
    // A submission with no score (status error) has no gradescope.json to write.
    const needed = REPORT_FILES.filter((f) => row.score !== null || f !== "gradescope.json");
    if (needed.every((f) => existsSync(path.join(dir, f)))) continue;
    const result = await readResult(path.join(dir, "results.json"));
    if (!result) continue;
    await writeReports(result, dir, { out, manifest });
    written++;
  }
  return written;
}

/** The cases' names, for the most-failed table; keys stand in where the fixtures cannot be read. */
function caseInfos(manifest: Manifest): Map<string, CaseInfo> {
  try {
    return new Map(loadCases(manifest, { visibility: ["public", "hidden"] }).map((c) => [c.key, c]));
  } catch {
    return new Map();
  }
}

/** Writes summary.html (and canvas.csv with a roster) into `out`, after any missing reports. */
export async function writeSummary(
  out: string,
  manifest: Manifest,
  rows: Row[],
  roster?: RosterOptions,
): Promise<ClassSummary> {
  const backfilled = await backfill(out, manifest, rows);
  const data = summarize(rows, manifest, caseInfos(manifest));
  let issues: RosterIssues | undefined;
  let canvas: string | undefined;
  if (roster) {
    const match = matchRoster(roster.entries, rows);
    issues = {
      unknown: match.unknown.map((r) => r.submission),
      absent: match.matched.filter((m) => !m.row).map((m) => m.entry),
    };
    const points = maxScore(
      manifest,
      manifest.exercises.map((e) => ({ exercise: e.id, points: e.points })),
    );
    canvas = path.join(out, OUT_NAMES.canvas);
    await writeAtomic(canvas, canvasCsv(match, roster.assignment ?? DEFAULT_ASSIGNMENT, points));
  }
  const summary = path.join(out, OUT_NAMES.summary);
  const similarity = existsSync(path.join(out, OUT_NAMES.similarityHtml));
  await writeAtomic(summary, summaryHtml(data, rows, issues, undefined, similarity));
  return { summary, canvas, issues, backfilled };
}

/** summary.html as one of the batch's class reports (no roster: the grade command adds it). */
export async function summaryReport(out: string, manifest: Manifest, rows: Row[]): Promise<void> {
  await writeSummary(out, manifest, rows);
}
