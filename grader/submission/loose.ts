/**
 * Loose exercise files: a submission of the stubs' own files (delta.ts,
 * linalg.ts, …) rather than the kit's exercises/ folder, as students often
 * upload them. One rule for `npm run grade` (folders and zips) and the
 * Gradescope autograder: a file named as an exercise's stub, at the top or
 * one folder down, is that exercise's file. When a name is found twice, the
 * one nearer the top wins, then the first in path order; a duplicate download
 * (`delta (1).ts`) stands in for a missing `delta.ts`. The course's own
 * exercises/types.ts completes them, since the stubs import it.
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadManifest, type Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { isMacDebrisName } from "./mac-debris.ts";
import { hashFiles, MAX_TOTAL_BYTES, readRegularFile, type Collected } from "./source.ts";

/**
 * The exercise file name a browser's or file manager's duplicate stands for: `delta (1).ts`, `delta-2.ts`,
 * `delta_2.ts`, `delta copy.ts`, `delta copy 2.ts` and `delta(1).ts` are all `delta.ts`.
 */
export function duplicateOf(name: string): string | undefined {
  const m = /^(.+?)(?: ?\(\d{1,3}\)|[-_]\d{1,3}| copy(?: \d{1,3})?| - Copy(?: \(\d{1,3}\))?)\.ts$/i.exec(name);
  return m ? `${m[1]}.ts` : undefined;
}

interface Candidate {
  /** Relative to exercises/, e.g. 05-delta/delta.ts. */
  target: string;
  /** The name is the stub's own, not a duplicate's. */
  exact: boolean;
}

function candidate(relPath: string, manifest: Manifest): Candidate | undefined {
  const parts = relPath.split("/").filter((p) => p !== "");
  if (parts.length > 2 || parts.some(isMacDebrisName)) return undefined;
  const name = parts[parts.length - 1];
  const exact = manifest.exercises.find((e) => e.file === name);
  if (exact) return { target: `${exact.id}/${exact.file}`, exact: true };
  const original = duplicateOf(name);
  const dup = original === undefined ? undefined : manifest.exercises.find((e) => e.file === original);
  return dup ? { target: `${dup.id}/${dup.file}`, exact: false } : undefined;
}

/**
 * Where a file of the submission goes (relative to exercises/, e.g. 05-delta/delta.ts), if it is a loose exercise
 * file or a duplicate download of one (`delta (1).ts`).
 */
export function looseTarget(relPath: string, manifest: Manifest = loadManifest()): string | undefined {
  return candidate(relPath, manifest)?.target;
}

/** The stubs' file names, for messages: "linalg.ts, perceptron.ts, …". */
export function looseNames(manifest: Manifest = loadManifest()): string {
  return manifest.exercises.map((e) => e.file).join(", ");
}

export interface Placed<T> {
  files: Map<string, T>;
  /** What was taken under another name, or left out as ambiguous: said in the result's note. */
  notes: string[];
}

/**
 * The exercise files of a loose submission, from its candidate files (relative path → contents):
 * one per exercise by the rule above, plus the course's types.ts. Undefined when none is an exercise file.
 * A duplicate download (`delta (1).ts`) is taken when no file has the stub's own name and it is the only
 * duplicate; with several duplicates none is taken, since the grader cannot tell which the student meant.
 */
export function placeLoose<T>(
  found: Map<string, T>,
  readTypes: () => T,
  manifest: Manifest = loadManifest(),
): Placed<T> | undefined {
  const depth = (p: string) => p.split("/").length;
  const order = [...found.keys()].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const files = new Map<string, T>();
  const duplicates = new Map<string, string[]>();
  for (const rel of order) {
    const c = candidate(rel, manifest);
    if (!c) continue;
    if (c.exact) {
      if (!files.has(c.target)) files.set(c.target, found.get(rel)!);
    } else duplicates.set(c.target, [...(duplicates.get(c.target) ?? []), rel]);
  }
  const notes: string[] = [];
  for (const [target, rels] of duplicates) {
    if (files.has(target)) continue;
    const name = target.split("/")[1];
    if (rels.length === 1) {
      files.set(target, found.get(rels[0])!);
      notes.push(`took ${rels[0]} as ${name}`);
    } else notes.push(`found ${rels.join(", ")} and no ${name}: none was taken, since which one is meant is unclear`);
  }
  if (files.size === 0) return undefined;
  files.set("types.ts", readTypes());
  return { files, notes };
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
    if (isMacDebrisName(top.name)) continue;
    const inner = top.isDirectory() ? await readdir(path.join(root, top.name), { withFileTypes: true }) : [top];
    for (const entry of inner) {
      const rel = top.isDirectory() ? `${top.name}/${entry.name}` : entry.name;
      if (looseTarget(rel, manifest) === undefined) continue;
      if (entry.isSymbolicLink())
        return { id, source: root, reason: `${rel} is a symlink; submissions may not contain symlinks` };
      if (entry.isFile()) found.set(rel, path.join(root, rel));
    }
  }
  return readLoose(found, root, id, manifest);
}

/**
 * Reads the loose exercise files among `found` (name as the student gave it → full path), by the same checks as
 * exercises/. Undefined when none is an exercise file. Also for files a download spread over one flat folder
 * (see layouts.ts), where `source` is that folder.
 */
export async function readLoose(
  found: Map<string, string>,
  source: string,
  id: string,
  manifest: Manifest = loadManifest(),
): Promise<Collected | undefined> {
  const placed = placeLoose(found, () => path.join(paths.exercises, "types.ts"), manifest);
  if (!placed) return undefined;
  const shownOf = new Map([...found].map(([name, full]) => [full, name]));
  const files = new Map<string, Buffer>();
  let total = 0;
  for (const [target, full] of placed.files) {
    const shown = shownOf.get(full) ?? target;
    // Regular files with one name only, their size checked before they are read (see source.ts).
    const contents = await readRegularFile(full, shown, MAX_TOTAL_BYTES - total);
    if (typeof contents === "string") return { id, source, reason: contents };
    total += contents.length;
    files.set(target, contents);
  }
  return { id, source, files, hash: hashFiles(files), ...noteOf(placed.notes) };
}

/** A result's note from loose-file notes, if any. */
export function noteOf(notes: string[]): { note?: string } {
  return notes.length > 0 ? { note: notes.join("; ") } : {};
}
