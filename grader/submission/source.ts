/**
 * What the grader takes from a submission: its exercise files (exercises/**∕*.ts)
 * and nothing else, or the reason it refuses the whole submission.
 */
import { createHash } from "node:crypto";

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

export type Collected = Submission | Refused;

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
