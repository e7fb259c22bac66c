/**
 * What the grader takes from a submission: its exercise files (exercises/**∕*.ts)
 * and nothing else, or the reason it refuses the whole submission.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open } from "node:fs/promises";

export const MAX_FILE_BYTES = 1024 * 1024;
/** More exercise files than this is not a submission of this kit. */
export const MAX_FILES = 500;
/** All exercise files together; they travel to the sandbox in one message. */
export const MAX_TOTAL_BYTES = 8 * 1024 * 1024;

/** The reason a submission's files are too much altogether, if they are. */
export function totalProblem(files: Map<string, Buffer>): string | undefined {
  let total = 0;
  for (const contents of files.values()) total += contents.length;
  return total > MAX_TOTAL_BYTES
    ? `the exercise files total ${(total / 2 ** 20).toFixed(1)} MiB; at most 8 MiB is taken`
    : undefined;
}

/**
 * Opens `full` only if it is a regular file with one name, never following a symlink and
 * never blocking on a FIFO or device: the type and link count are checked on the open
 * descriptor, so nothing can be swapped in between. A hard link could name a file of the
 * kit (a solution) from inside a submission. Returns the descriptor's contents, or why not.
 */
export async function readRegularFile(full: string, shown: string, maxBytes: number): Promise<Buffer | string> {
  const handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(
    (error: NodeJS.ErrnoException) => error,
  );
  if (handle instanceof Error)
    return handle.code === "ELOOP"
      ? `${shown} is a symlink; submissions may not contain symlinks`
      : `${shown} could not be opened (${handle.code ?? handle.message})`;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return `${shown} is not a regular file (a FIFO, device or socket); only files are taken`;
    if (stat.nlink > 1)
      return `${shown} is a hard link (the file has ${stat.nlink} names); submissions may not contain links`;
    const early = fileProblem(shown, stat.size);
    if (early) return early;
    if (stat.size > maxBytes) return `the exercise files total more than 8 MiB; at most 8 MiB is taken`;
    const contents = await handle.readFile();
    return fileProblem(shown, contents.length, contents) ?? contents;
  } finally {
    await handle.close();
  }
}

export interface Submission {
  /** Safe as a folder name and a CSV cell. */
  id: string;
  /** The folder or zip it came from. */
  source: string;
  /** Path relative to exercises/ (e.g. 05-delta/delta.ts) → contents. */
  files: Map<string, Buffer>;
  /** sha256 over the taken files' paths and contents. */
  hash: string;
}

export interface Refused {
  id: string;
  source: string;
  reason: string;
}

/** Said in the submission's note: e.g. that its id was changed to keep ids unique. */
export interface Noted {
  note?: string;
}

export type Collected = (Submission | Refused) & Noted;

export function isRefused(c: Collected): c is Refused {
  return "reason" in c;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The reason a file may not be taken, if any. */
export function fileProblem(name: string, size: number, contents?: Buffer): string | undefined {
  if (size > MAX_FILE_BYTES)
    return `${name} is ${(size / 2 ** 20).toFixed(1)} MiB; exercise files may be at most 1 MiB`;
  if (contents) {
    try {
      utf8.decode(contents);
    } catch {
      return `${name} is not UTF-8 text`;
    }
  }
  return undefined;
}

export function hashFiles(files: Map<string, Buffer>): string {
  const hash = createHash("sha256");
  for (const name of [...files.keys()].sort()) {
    hash
      .update(name)
      .update("\0")
      .update(String(files.get(name)!.length))
      .update("\0")
      .update(files.get(name)!);
  }
  return hash.digest("hex");
}

/** A submission id from a file or folder name: letters, digits, dot, dash, underscore. */
export function safeId(name: string): string {
  const id = name
    .replace(/\.zip$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "");
  return id.length > 0 ? id.slice(0, 100) : "submission";
}
