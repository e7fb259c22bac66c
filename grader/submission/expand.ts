/**
 * Turns the grade command's arguments into submissions. Each argument is a
 * submission (a folder with exercises/ or loose exercise files, or a .zip)
 * or a class folder holding one sub-folder or .zip per student. A folder that
 * is neither (no sub-folder looks like a submission) is refused up front.
 */
import { existsSync } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { RefusedInputError } from "../errors.ts";
import { collectDir } from "./from-dir.ts";
import { collectZip } from "./from-zip.ts";
import { looseNames, looseTarget } from "./loose.ts";
import { safeId, type Collected } from "./source.ts";

/** A submission found but not yet read: reading happens when it is graded, to keep memory flat. */
export interface Pending {
  id: string;
  source: string;
}

function pending(source: string, name: string): Pending {
  return { id: safeId(name), source };
}

/** Reads a submission's exercise files, or says why it is refused. */
export async function collect({ id, source }: Pending): Promise<Collected> {
  const stat = await lstat(source).catch(() => undefined);
  if (!stat) return { id, source, reason: "the submission has disappeared" };
  if (stat.isSymbolicLink())
    return { id, source, reason: "the submission is a symlink; submissions may not contain symlinks" };
  return source.toLowerCase().endsWith(".zip") ? collectZip(source, id) : collectDir(source, id);
}

async function expandOne(arg: string): Promise<Pending[]> {
  const full = path.resolve(arg);
  const stat = await lstat(full).catch(() => undefined);
  if (!stat) throw new RefusedInputError(arg, "no such file or folder");
  if (stat.isSymbolicLink()) return [pending(full, path.basename(full))];
  if (stat.isFile()) {
    if (!full.toLowerCase().endsWith(".zip"))
      throw new RefusedInputError(arg, "a submission must be a folder or a .zip file");
    return [pending(full, path.basename(full))];
  }
  if (existsSync(path.join(full, "exercises")) || (await hasLooseFiles(full, 0)))
    return [pending(full, path.basename(full))];
  const entries = (await readdir(full, { withFileTypes: true }))
    .filter(
      (e) =>
        !e.name.startsWith(".") && (e.isDirectory() || e.isSymbolicLink() || e.name.toLowerCase().endsWith(".zip")),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  if (entries.length === 0)
    throw new RefusedInputError(arg, "holds no exercises/ folder and no submissions (sub-folders or .zip files)");
  // A folder of folders none of which is a submission is not a class: most likely the wrong folder.
  if (!(await someAsync(entries, (e) => !e.isDirectory() || looksLikeSubmission(path.join(full, e.name)))))
    throw new RefusedInputError(
      arg,
      `holds no exercises/ folder, and none of its ${entries.length} sub-folders holds one (or exercise files such as ` +
        `${looseNames().split(", ")[0]}) at the top or one folder down. Pass a submission (a folder with exercises/, ` +
        `or a .zip) or a folder holding one per student`,
    );
  return entries.map((e) => pending(path.join(full, e.name), e.name));
}

async function someAsync<T>(items: T[], test: (item: T) => boolean | Promise<boolean>): Promise<boolean> {
  for (const item of items) if (await test(item)) return true;
  return false;
}

/** Loose exercise files in `dir`, or (depth 1) one folder down too. */
async function hasLooseFiles(dir: string, depth: 0 | 1): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return someAsync(entries, (e) =>
    e.isDirectory() ? depth === 1 && hasLooseFiles(path.join(dir, e.name), 0) : looseTarget(e.name) !== undefined,
  );
}

/** Whether a class folder's sub-folder is a submission: exercises/ or exercise files, at the top or one down. */
async function looksLikeSubmission(dir: string): Promise<boolean> {
  if (existsSync(path.join(dir, "exercises"))) return true;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "exercises")))) return true;
  return hasLooseFiles(dir, 1);
}

const RESERVED = ["assets", "gradebook.csv", "summary.html", "canvas.csv"];

/** Every submission named by the arguments, with ids made unique. */
export async function expandInputs(args: string[]): Promise<Pending[]> {
  const all = (await Promise.all(args.map(expandOne))).flat();
  // The output folder's own files and folders are taken: a submission named "assets" becomes "assets-2".
  const seen = new Map<string, number>(RESERVED.map((name) => [name, 1]));
  for (const p of all) {
    const n = seen.get(p.id) ?? 0;
    seen.set(p.id, n + 1);
    if (n > 0) p.id = `${p.id}-${n + 1}`;
  }
  return all;
}
