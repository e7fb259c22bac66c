/** Internal. Writes a file so that readers see the old contents or the new, never half: a temp file, then a rename. */
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export async function writeAtomic(file: string, contents: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, contents);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The same, synchronously: for a submission's own small files (results.json and its reports, tens of KB), where the
 * promise API's round trips through libuv's thread pool (mkdir, open, write, close, rename) cost more CPU than the
 * writes themselves, and for a batch that writes four of them per submission.
 */
export function writeAtomicSync(file: string, contents: string | Buffer): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    // The folder is made only when it is missing: a submission's four files share one, and a batch writes 800.
    try {
      writeFileSync(temp, contents);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temp, contents);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
