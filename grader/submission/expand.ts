/**
 * Turns the grade command's arguments into submissions. Each argument is a
 * submission (a folder with exercises/ or loose exercise files, or a .zip)
 * or a class folder holding one sub-folder or .zip per student. A folder that
 * is neither (no sub-folder looks like a submission) is refused up front.
 */
import { existsSync } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { isReservedName, nameKey, RESERVED_KEYS } from "../batch/out-names.ts";
import { RefusedInputError } from "../errors.ts";
import { collectDir } from "./from-dir.ts";
import { collectZip } from "./from-zip.ts";
import { platformLayout } from "./layouts.ts";
import { looseNames, looseTarget, readLoose } from "./loose.ts";
import { isMacDebrisName } from "./mac-debris.ts";
import { safeId, type Collected } from "./source.ts";

/** A submission found but not yet read: reading happens when it is graded, to keep memory flat. */
export interface Pending {
  id: string;
  source: string;
  /** Why it is refused without being read (a hidden name). */
  refuse?: string;
  /** Said in its result's note: e.g. that its id was changed to keep ids unique. */
  note?: string;
  /** The student's files by the names they uploaded them under, when a download spread them over one folder. */
  files?: Map<string, string>;
}

function pending(source: string, name: string): Pending {
  const p: Pending = { id: safeId(name), source };
  if (name.startsWith("."))
    p.refuse = `its name "${name}" starts with a dot, which hides it from most listings; rename it to grade it`;
  return p;
}

/** Reads a submission's exercise files, or says why it is refused. */
export async function collect(p: Pending): Promise<Collected> {
  const collected = await collectOnce(p);
  const notes = [p.note, collected.note].filter((n) => n !== undefined);
  return notes.length > 0 ? { ...collected, note: notes.join("; ") } : collected;
}

async function collectOnce({ id, source, refuse, files }: Pending): Promise<Collected> {
  if (refuse) return { id, source, reason: refuse };
  if (files)
    return (
      (await readLoose(files, source, id)) ?? {
        id,
        source,
        reason: `none of its files (${[...files.keys()].join(", ")}) is an exercise file (${looseNames()})`,
      }
    );
  const stat = await lstat(source).catch(() => undefined);
  if (!stat) return { id, source, reason: "the submission has disappeared" };
  if (stat.isSymbolicLink())
    return { id, source, reason: "the submission is a symlink; submissions may not contain symlinks" };
  if (!stat.isFile() && !stat.isDirectory())
    return { id, source, reason: "the submission is not a regular file or folder (a FIFO, device or socket)" };
  if (source.toLowerCase().endsWith(".zip") && !stat.isFile())
    return { id, source, reason: "a folder named .zip; a submission is a folder or a .zip file" };
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
  // A platform's bulk download (Canvas, Gradescope, GitHub Classroom), read by its own naming.
  const listed = await platformLayout(full);
  if (listed) return listed.map((l) => ({ ...pending(l.source, l.id), ...l }));
  // Folders and zips whose names start with a dot are listed too, and refused with a reason:
  // a submission must never vanish without a word.
  const entries = (await readdir(full, { withFileTypes: true }))
    // A class folder unzipped on a Mac holds __MACOSX/ and ._<name>.zip beside the real ones: not submissions.
    .filter((e) => !isMacDebrisName(e.name))
    .filter((e) => e.isDirectory() || e.isSymbolicLink() || e.name.toLowerCase().endsWith(".zip"))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
  if (
    entries.some((e) => e.isDirectory() && !isMacDebrisName(e.name) && existsSync(path.join(dir, e.name, "exercises")))
  )
    return true;
  return hasLooseFiles(dir, 1);
}

/**
 * Every submission named by the arguments, with ids made unique: the output folder's own
 * names are taken ("summary.html" becomes "summary.html-2", batch/out-names.ts), ids differ
 * without regard to case (folders on macOS and Windows do), and a renamed submission's note
 * says what it was renamed from.
 */
export async function expandInputs(args: string[]): Promise<Pending[]> {
  const all = (await Promise.all(args.map(expandOne))).flat();
  const taken = new Set<string>(RESERVED_KEYS);
  // Ids kept as they are first, so a folder "coll-2" keeps its name and "coll.zip" moves on.
  const clashing = all.filter((p) => {
    if (taken.has(nameKey(p.id))) return true;
    taken.add(nameKey(p.id));
    return false;
  });
  for (const p of clashing) {
    let n = 2;
    while (taken.has(nameKey(`${p.id}-${n}`))) n++;
    const renamed = `${p.id}-${n}`;
    taken.add(nameKey(renamed));
    const why = isReservedName(p.id)
      ? `${p.id} is the name of a file the grader writes beside the students' folders`
      : `the id ${p.id} belongs to another submission`;
    const note = `graded as ${renamed}: ${why} (${path.basename(p.source)} was renamed)`;
    p.note = p.note ? `${p.note}; ${note}` : note;
    p.id = renamed;
  }
  return all;
}
