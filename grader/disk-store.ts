/**
 * Internal. A folder of finished results kept by the content they were made from (a type check, a build), shared by
 * every run of the kit on this machine: node_modules/.cache/backprop-kit/<name>/<version>/<key>.json.
 *
 * <version> hashes what decides a result (a tool's version, the code that makes and cleans it), so a changed kit
 * never reads an old result: another version's folder is removed on open. An entry is read back as the untrusted
 * file it could be: bounded in size before it is parsed, and used only if it parses to the schema. Entries are
 * written whole or not at all (a temporary file, then a rename), so a parallel run reads either nothing or all of
 * it. Where the folder cannot be written, nothing is kept and every run works as if it were the first.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { paths } from "./paths.ts";

/** Where the kit keeps what it has finished, beside the installed packages it is as trusted as. */
export const CACHE_ROOT = path.join(paths.root, "node_modules", ".cache", "backprop-kit");

/** sha256 of the given parts (files, versions, sources), each ended by a NUL so no two lists hash alike. */
export function hashParts(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** Writes `file` whole or not at all (a temporary file, then a rename): a parallel reader sees the old or the new. */
export function writeWhole(file: string, text: string): void {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/**
 * Keeps a folder from growing without end (every save in `check --watch` and every graded class adds entries): past
 * `maxEntries`, the oldest written go until a quarter of the room is free again.
 */
function prune(dir: string, maxEntries: number): void {
  const names = readdirSync(dir);
  if (names.length <= maxEntries) return;
  const aged = names
    .map((name) => {
      try {
        return { name, at: statSync(path.join(dir, name)).mtimeMs };
      } catch {
        return { name, at: 0 };
      }
    })
    .sort((a, b) => a.at - b.at);
  for (const { name } of aged.slice(0, names.length - Math.floor((maxEntries * 3) / 4)))
    rmSync(path.join(dir, name), { force: true });
}

export class DiskStore<T> {
  private constructor(
    readonly dir: string,
    private readonly schema: z.ZodType<T>,
    private readonly maxBytes: number,
  ) {}

  /**
   * The store under `root` for this `version`, or undefined when it cannot be used here (the version's inputs
   * cannot be read, or the folder cannot be made).
   */
  static open<T>(
    root: string,
    version: () => string,
    schema: z.ZodType<T>,
    limits: { maxBytes: number; maxEntries: number },
  ): DiskStore<T> | undefined {
    try {
      const current = version().slice(0, 32);
      const dir = path.join(root, current);
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(root))
        if (old !== current) rmSync(path.join(root, old), { recursive: true, force: true });
      prune(dir, limits.maxEntries);
      return new DiskStore(dir, schema, limits.maxBytes);
    } catch {
      return undefined;
    }
  }

  /** The entry stored under `key`, if there is a sound one. */
  get(key: string): T | undefined {
    try {
      const file = path.join(this.dir, `${key}.json`);
      if (statSync(file).size > this.maxBytes) return undefined;
      const parsed = this.schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores `value` under `key`, whole or not at all; one larger than the store reads back is not kept. */
  put(key: string, value: T): void {
    try {
      const text = JSON.stringify(value);
      if (Buffer.byteLength(text) > this.maxBytes) return;
      writeWhole(path.join(this.dir, `${key}.json`), text);
    } catch {
      // Not kept: the next run makes it again.
    }
  }
}
