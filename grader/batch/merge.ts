/**
 * `npm run grade -- merge <dirs...> --out <dir>`: joins the outputs of shards
 * graded on different machines. Each submission's folder is copied as it is
 * (results.json and whatever per-submission reports sit beside it); then the
 * class-level files are rebuilt from the merged results by the same code a
 * single run uses, so merged shards equal one unsharded run.
 */
import { existsSync } from "node:fs";
import { cp, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { MergeError } from "../errors.ts";
import type { Manifest } from "../manifest.ts";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { formatIssues } from "../zod-format.ts";
import { writeClassReports } from "./class-reports.ts";
import { toRow } from "./gradebook.ts";

export interface MergeOptions {
  /** Output folders of `npm run grade` (one per shard). */
  inputs: string[];
  out: string;
  manifest: Manifest;
}

interface Found {
  dir: string;
  result: SubmissionResult;
}

/** The graded submissions of an output folder: its sub-folders that hold a results.json. */
async function graded(dir: string): Promise<Found[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new MergeError(`${dir}: no such folder`);
  });
  const found: Found[] = [];
  for (const e of entries) {
    // Dot-folders are a run's scratch space, never a submission (ids never start with a dot).
    if (!e.isDirectory() || e.name.startsWith(".")) continue;
    const file = path.join(dir, e.name, "results.json");
    if (!existsSync(file)) continue;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new MergeError(`${file} is not JSON: ${(error as Error).message}`);
    }
    const parsed = SubmissionResultSchema.safeParse(json);
    if (!parsed.success) throw new MergeError(`${file} is not a result: ${formatIssues(parsed.error).join("; ")}`);
    found.push({ dir: path.join(dir, e.name), result: parsed.data });
  }
  return found;
}

async function replaceDir(from: string, to: string): Promise<void> {
  const temp = path.join(path.dirname(to), `.${path.basename(to)}.${randomBytes(6).toString("hex")}.tmp`);
  await cp(from, temp, { recursive: true });
  await rm(to, { recursive: true, force: true });
  await rename(temp, to);
}

export async function mergeShards(options: MergeOptions): Promise<SubmissionResult[]> {
  const out = path.resolve(options.out);
  const owner = new Map<string, string>();
  const all: Found[] = [];
  for (const input of options.inputs.map((i) => path.resolve(i))) {
    if (input === out) throw new MergeError(`--out ${options.out} is one of the inputs; choose another folder`);
    for (const f of await graded(input)) {
      const id = f.result.submission;
      if (owner.has(id)) throw new MergeError(`${id} was graded in both ${owner.get(id)} and ${input}`);
      owner.set(id, input);
      all.push(f);
    }
  }
  if (all.length === 0) throw new MergeError(`no graded submissions in ${options.inputs.join(", ")}`);
  // A folder left from another run would be a submission the gradebook does not list.
  const stale = existsSync(out) ? (await graded(out)).filter((f) => !owner.has(f.result.submission)) : [];
  if (stale.length > 0) {
    throw new MergeError(
      `${options.out} already holds results for ${stale.map((f) => f.result.submission).join(", ")}; merge into an empty folder`,
    );
  }
  for (const f of all) await replaceDir(f.dir, path.join(out, f.result.submission));
  const results = all.map((f) => f.result).sort((a, b) => (a.submission < b.submission ? -1 : 1));
  await writeClassReports(out, options.manifest, results.map(toRow));
  return results;
}
