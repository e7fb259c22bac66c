/**
 * Internal. Checks an --out folder before any work: it must be a folder, or
 * not exist yet with a folder to create it in. A file there fails at once
 * with what to do, never with a system error after the work is done; so does
 * a folder the grader cannot write in.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";

/** Makes `out` (and its parents; with `create` false, only checks) or says in one line why it cannot be an output folder. */
export async function ensureOutDir(out: string, given: string, create = true): Promise<void> {
  const flag = "--out";
  const found = await stat(out).catch(() => undefined);
  if (found && !found.isDirectory())
    throw new UsageError(`${flag} ${given} is a file, not a folder; give a folder for the output (new or existing)`);
  if (!create) return;
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOTDIR" || code === "EEXIST"
        ? "a part of its path is a file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : (error as Error).message;
    throw new UsageError(`${flag} ${given}: cannot create the folder (${why}); give another folder for the output`);
  }
  // An existing folder may still refuse files (its permissions, a read-only disk): find out now, in one line,
  // not from a stack trace after the grading is done.
  const probe = path.join(out, `.backprop-kit-probe-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(probe, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EROFS"
          ? "the disk is read-only"
          : code === "ENOSPC"
            ? "the disk is full"
            : (code ?? (error as Error).message);
    throw new UsageError(`${flag} ${given}: cannot write in this folder (${why}); give another folder for the output`);
  } finally {
    await rm(probe, { force: true });
  }
}
