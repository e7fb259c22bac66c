/**
 * Internal. The exercise files to compare, from the grade command's inputs
 * (submission folders, zips, class folders) or from an output folder of
 * `npm run grade`, whose results.json files say where each submission was
 * taken from. Only the manifest's entry files are kept, as text.
 */
import { existsSync, lstatSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { SubmissionResultSchema } from "../engine/results.ts";
import { entryFiles, type Manifest } from "../manifest.ts";
import { collect, expandInputs, type Pending } from "../submission/expand.ts";
import { isRefused } from "../submission/source.ts";
import { UsageError } from "../errors.ts";
import { OUT_NAMES } from "../batch/out-names.ts";

export interface SubmissionTexts {
  id: string;
  /** exercise id → the text of its entry file, for the exercises the submission has. */
  files: Map<string, string>;
}

export interface Sources {
  submissions: SubmissionTexts[];
  /** Submissions left out, with the reason (refused by the grader's rules, or gone). */
  missing: { id: string; reason: string }[];
}

/** An output folder of `npm run grade`: it has gradebook.csv and no exercises/ of its own. */
export function isResultsFolder(dir: string): boolean {
  // A file: a class folder may hold a student's folder named gradebook.csv.
  const gradebook = lstatSync(path.join(dir, OUT_NAMES.gradebook), { throwIfNoEntry: false });
  return gradebook?.isFile() === true && !existsSync(path.join(dir, "exercises"));
}

/** The submissions graded into `out`, found again where results.json says they came from. */
async function pendingFromResults(out: string): Promise<{ pending: Pending[]; missing: Sources["missing"] }> {
  const pending: Pending[] = [];
  const missing: Sources["missing"] = [];
  for (const entry of (await readdir(out, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(out, entry.name, "results.json");
    if (!entry.isDirectory() || !existsSync(file)) continue;
    let parsed;
    try {
      parsed = SubmissionResultSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) missing.push({ id: entry.name, reason: `${file} is not a results.json of this kit` });
    else if (!parsed.data.source)
      missing.push({ id: entry.name, reason: "its results.json does not say where it came from: re-grade it" });
    else pending.push({ id: parsed.data.submission, source: parsed.data.source });
  }
  if (pending.length === 0 && missing.length === 0)
    throw new UsageError(`${out} holds no submission folders with a results.json`);
  return { pending, missing };
}

/** Reads each submission's entry files, one submission at a time. */
export async function readSources(args: string[], manifest: Manifest): Promise<Sources> {
  const fromResults = args.length === 1 && isResultsFolder(path.resolve(args[0]));
  const { pending, missing } = fromResults
    ? await pendingFromResults(path.resolve(args[0]))
    : { pending: await expandInputs(args), missing: [] };
  const entries = Object.entries(entryFiles(manifest));
  const submissions: SubmissionTexts[] = [];
  for (const p of pending) {
    const collected = await collect(p).catch((error: Error) => ({ reason: `could not be read: ${error.message}` }));
    if ("reason" in collected || isRefused(collected)) {
      missing.push({ id: p.id, reason: collected.reason });
      continue;
    }
    const files = new Map<string, string>();
    for (const [exercise, rel] of entries) {
      const data = collected.files.get(rel);
      if (data) files.set(exercise, data.toString("utf8"));
    }
    submissions.push({ id: p.id, files });
  }
  return { submissions, missing };
}
