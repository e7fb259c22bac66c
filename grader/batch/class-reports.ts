/**
 * The class-level files of an output folder, rebuilt from the rows of every
 * submission in it. `npm run grade` writes them at the end of a run and
 * `npm run grade -- merge` after merging shards, through this one function,
 * so a merged folder has exactly the files a single run would have.
 * A new class-level report belongs in CLASS_REPORTS.
 */
import path from "node:path";
import type { Manifest } from "../manifest.ts";
import { writeAtomic } from "./atomic.ts";
import { gradebookCsv, type Row } from "./gradebook.ts";
import { summaryReport } from "../reports/class-summary.ts";
import { OUT_NAMES } from "./out-names.ts";

export type ClassReport = (out: string, manifest: Manifest, rows: Row[]) => Promise<void>;

export const CLASS_REPORTS: ClassReport[] = [
  (out, manifest, rows) => writeAtomic(path.join(out, OUT_NAMES.gradebook), gradebookCsv(manifest, rows)),
  summaryReport,
];

export async function writeClassReports(out: string, manifest: Manifest, rows: Row[]): Promise<void> {
  for (const report of CLASS_REPORTS) await report(out, manifest, rows);
}
