/**
 * Internal. Takes a submission's exercise files from a folder, which holds
 * exercises/ itself or one folder down (as unpacked zips often do), or else
 * loose exercise files (loose.ts).
 * Symlinks are refused, never followed; the folder is only read.
 */
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { collectLooseDir, looseNames } from "./loose.ts";
import { isMacDebrisName } from "./mac-debris.ts";
import { hashFiles, MAX_FILES, MAX_TOTAL_BYTES, readRegularFile, totalProblem, type Collected } from "./source.ts";

/** Files and folders under exercises/ that are looked at; far more than any submission holds. */
const MAX_ENTRIES = 20_000;

/** Where exercises/ is, relative to root: "exercises" or "<one folder>/exercises". */
async function findExercises(root: string): Promise<string | { reason: string; missing?: true }> {
  const direct = await lstat(path.join(root, "exercises")).catch(() => undefined);
  if (direct?.isSymbolicLink()) return { reason: "exercises is a symlink; submissions may not contain symlinks" };
  if (direct?.isDirectory()) return "exercises";
  const found: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || isMacDebrisName(entry.name)) continue;
    const nested = await lstat(path.join(root, entry.name, "exercises")).catch(() => undefined);
    if (nested?.isSymbolicLink())
      return { reason: `${entry.name}/exercises is a symlink; submissions may not contain symlinks` };
    if (nested?.isDirectory()) found.push(path.join(entry.name, "exercises"));
  }
  if (found.length === 1) return found[0];
  if (found.length > 1) return { reason: `found exercises/ in more than one folder: ${found.join(", ")}` };
  return {
    reason: `no exercises/ folder and no exercise files (${looseNames()}), at the top or one folder down`,
    missing: true,
  };
}

export async function collectDir(root: string, id: string): Promise<Collected> {
  const where = await findExercises(root);
  if (typeof where !== "string")
    return (where.missing && (await collectLooseDir(root, id))) || { id, source: root, reason: where.reason };
  const files = new Map<string, Buffer>();
  let entries = 0;
  let total = 0;
  const walk = async (rel: string): Promise<string | undefined> => {
    for (const entry of await readdir(path.join(root, where, rel), { withFileTypes: true })) {
      // __MACOSX/, ._x.ts and .DS_Store are macOS's, not the student's (mac-debris.ts).
      if (isMacDebrisName(entry.name)) continue;
      const name = path.posix.join(rel, entry.name);
      const shown = `${where}/${name}`;
      if (++entries > MAX_ENTRIES) return `more than ${MAX_ENTRIES} files and folders under ${where}/`;
      if (entry.isSymbolicLink()) return `${shown} is a symlink; submissions may not contain symlinks`;
      if (entry.isDirectory()) {
        const problem = await walk(name);
        if (problem) return problem;
      } else if (entry.name.endsWith(".ts") && !entry.isFile()) {
        return `${shown} is not a regular file (a FIFO, device or socket); only files are taken`;
      } else if (entry.name.endsWith(".ts")) {
        // Sizes are checked before reading, on the open file: the total too, so refusing costs no memory.
        const contents = await readRegularFile(path.join(root, where, name), shown, MAX_TOTAL_BYTES - total);
        if (typeof contents === "string") return contents;
        total += contents.length;
        files.set(name, contents);
        if (files.size > MAX_FILES) return `more than ${MAX_FILES} .ts files under ${where}/`;
      }
    }
    return undefined;
  };
  const problem = (await walk("")) ?? totalProblem(files);
  if (problem) return { id, source: root, reason: problem };
  return { id, source: root, files, hash: hashFiles(files) };
}
