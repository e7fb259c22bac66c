/**
 * Loose exercise files: a submission of the stubs' own files (delta.ts,
 * linalg.ts, …) rather than the kit's exercises/ folder, as students often
 * upload them. One rule for `npm run grade` (folders and zips) and the
 * Gradescope autograder: a file named as an exercise's stub, at the top or
 * one folder down, is that exercise's file. When a name is found twice, the
 * one nearer the top wins, then the first in path order. The course's own
 * exercises/types.ts completes them, since the stubs import it.
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadManifest, type Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { hashFiles, MAX_TOTAL_BYTES, readRegularFile, type Collected } from "./source.ts";

/** Where a file of the submission goes (relative to exercises/, e.g. 05-delta/delta.ts), if it is a loose exercise file. */
export function looseTarget(relPath: string, manifest: Manifest = loadManifest()): string | undefined {
  const parts = relPath.split("/").filter((p) => p !== "");
  if (parts.length > 2) return undefined;
  const exercise = manifest.exercises.find((e) => e.file === parts[parts.length - 1]);
  return exercise ? `${exercise.id}/${exercise.file}` : undefined;
}

/** The stubs' file names, for messages: "linalg.ts, perceptron.ts, …". */
export function looseNames(manifest: Manifest = loadManifest()): string {
  return manifest.exercises.map((e) => e.file).join(", ");
}

/**
 * The exercise files of a loose submission, from its candidate files (relative path → contents):
 * one per exercise by the rule above, plus the course's types.ts. Undefined when none is an exercise file.
 */
export function placeLoose<T>(
  found: Map<string, T>,
  readTypes: () => T,
  manifest: Manifest = loadManifest(),
): Map<string, T> | undefined {
  const depth = (p: string) => p.split("/").length;
  const order = [...found.keys()].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const files = new Map<string, T>();
  for (const rel of order) {
    const target = looseTarget(rel, manifest);
    if (target && !files.has(target)) files.set(target, found.get(rel)!);
  }
  if (files.size === 0) return undefined;
  files.set("types.ts", readTypes());
  return files;
}

/** The course's exercises/types.ts, which every stub imports. */
export function courseTypes(): Buffer {
  return readFileSync(path.join(paths.exercises, "types.ts"));
}

/**
 * A folder's loose exercise files, read by the same checks as exercises/ (regular files only: a symlink
 * refuses the submission; size and UTF-8). Undefined when the folder has none.
 */
export async function collectLooseDir(root: string, id: string): Promise<Collected | undefined> {
  const manifest = loadManifest();
  const found = new Map<string, string>();
  for (const top of await readdir(root, { withFileTypes: true })) {
    const inner = top.isDirectory() ? await readdir(path.join(root, top.name), { withFileTypes: true }) : [top];
    for (const entry of inner) {
      const rel = top.isDirectory() ? `${top.name}/${entry.name}` : entry.name;
      if (looseTarget(rel, manifest) === undefined) continue;
      if (entry.isSymbolicLink())
        return { id, source: root, reason: `${rel} is a symlink; submissions may not contain symlinks` };
      if (entry.isFile()) found.set(rel, path.join(root, rel));
    }
  }
  const placed = placeLoose(found, () => path.join(paths.exercises, "types.ts"), manifest);
  if (!placed) return undefined;
  const files = new Map<string, Buffer>();
  let total = 0;
  for (const [target, full] of placed) {
    const shown = path.relative(root, full).split(path.sep).join("/");
    // Regular files with one name only, their size checked before they are read (see source.ts).
    const contents = await readRegularFile(full, shown, MAX_TOTAL_BYTES - total);
    if (typeof contents === "string") return { id, source: root, reason: contents };
    total += contents.length;
    files.set(target, contents);
  }
  return { id, source: root, files, hash: hashFiles(files) };
}
