/**
 * Internal. Takes a submission's exercise files from a folder, which holds
 * exercises/ itself or one folder down (as unpacked zips often do), or else
 * loose exercise files (loose.ts).
 * Symlinks are refused, never followed; the folder is only read.
 */
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { collectLooseDir, looseNames } from "./loose.ts";
import { fileProblem, hashFiles, MAX_FILES, totalProblem, type Collected } from "./source.ts";

/** Where exercises/ is, relative to root: "exercises" or "<one folder>/exercises". */
async function findExercises(root: string): Promise<string | { reason: string; missing?: true }> {
  const direct = await lstat(path.join(root, "exercises")).catch(() => undefined);
  if (direct?.isSymbolicLink()) return { reason: "exercises is a symlink; submissions may not contain symlinks" };
  if (direct?.isDirectory()) return "exercises";
  const found: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
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
  const walk = async (rel: string): Promise<string | undefined> => {
    for (const entry of await readdir(path.join(root, where, rel), { withFileTypes: true })) {
      const name = path.posix.join(rel, entry.name);
      const shown = `${where}/${name}`;
      if (entry.isSymbolicLink()) return `${shown} is a symlink; submissions may not contain symlinks`;
      if (entry.isDirectory()) {
        const problem = await walk(name);
        if (problem) return problem;
      } else if (entry.isFile() && entry.name.endsWith(".ts")) {
        const full = path.join(root, where, name);
        const { size } = await lstat(full);
        const early = fileProblem(shown, size);
        if (early) return early;
        const contents = await readFile(full);
        const problem = fileProblem(shown, contents.length, contents);
        if (problem) return problem;
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
