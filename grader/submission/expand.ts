/**
 * Turns the grade command's arguments into submissions. Each argument is a
 * submission (a folder with exercises/, or a .zip) or a class folder holding
 * one sub-folder or .zip per student.
 */
import { existsSync } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { RefusedInputError } from "../errors.ts";
import { collectDir } from "./from-dir.ts";
import { collectZip } from "./from-zip.ts";
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
  if (existsSync(path.join(full, "exercises"))) return [pending(full, path.basename(full))];
  const entries = (await readdir(full, { withFileTypes: true }))
    .filter(
      (e) =>
        !e.name.startsWith(".") && (e.isDirectory() || e.isSymbolicLink() || e.name.toLowerCase().endsWith(".zip")),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  if (entries.length === 0)
    throw new RefusedInputError(arg, "holds no exercises/ folder and no submissions (sub-folders or .zip files)");
  return entries.map((e) => pending(path.join(full, e.name), e.name));
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
