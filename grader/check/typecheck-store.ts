/**
 * Internal. Finished type checks kept on disk by the content of the file set, so that a later run given the same
 * files (a class graded again, a regrade, `check` run twice, the course's stubs and reference in every batch)
 * starts no compiler for them: a type-check process costs about 0.7 s of CPU to start, its compiler reading the
 * standard library included.
 *
 * Entries sit under node_modules/.cache/backprop-kit/typecheck/<version>/, where <version> hashes what shapes a
 * warning: TypeScript's version and the code that checks and cleans (this folder's type-check modules, the
 * sanitizer, the warning's schema). Another version's folder is removed on open. An entry is read back as the
 * untrusted file it could be: bounded in size, and kept only if it parses as warnings. Only finished checks are
 * stored; a skipped one is tried again next time. Where the folder cannot be written, checks are simply not kept.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { TypeWarningSchema } from "../engine/results.ts";
import { paths } from "../paths.ts";
import type { TypeCheck } from "./typecheck-process.ts";

/** Where the kit keeps its checks. */
export const STORE_ROOT = path.join(paths.root, "node_modules", ".cache", "backprop-kit", "typecheck");
/** Far above any real entry (at most 50 warnings of at most 4000 characters). */
const MAX_ENTRY_BYTES = 1 << 20;
const EntrySchema = z.object({ warnings: z.array(TypeWarningSchema).max(50) });

/** The files whose code decides what a check says. */
const SHAPERS = [
  "./typecheck.ts",
  "./typecheck-process.ts",
  "./typecheck-host.ts",
  "./typecheck-fs.ts",
  "./typecheck-store.ts",
  "../sanitize.ts",
  "../engine/results.ts",
];

function versionHash(): string {
  const require = createRequire(import.meta.url);
  const hash = createHash("sha256");
  const ts = require.resolve("typescript/package.json");
  hash.update(readFileSync(ts));
  const native = createRequire(ts).resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
  hash.update(readFileSync(native));
  for (const file of SHAPERS) hash.update(readFileSync(fileURLToPath(new URL(file, import.meta.url))));
  return hash.digest("hex").slice(0, 32);
}

export class TypeCheckStore {
  private constructor(readonly dir: string) {}

  /** The store for this version of the checker, or undefined when it cannot be used here. */
  static open(root = STORE_ROOT): TypeCheckStore | undefined {
    try {
      const version = versionHash();
      const dir = path.join(root, version);
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(root))
        if (old !== version) rmSync(path.join(root, old), { recursive: true, force: true });
      return new TypeCheckStore(dir);
    } catch {
      return undefined;
    }
  }

  /** The check stored under `key` (the file set's content hash), if there is a sound one. */
  get(key: string): TypeCheck | undefined {
    try {
      const file = path.join(this.dir, `${key}.json`);
      if (statSync(file).size > MAX_ENTRY_BYTES) return undefined;
      const parsed = EntrySchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores a finished check, whole or not at all: a parallel run reads either nothing or all of it. */
  put(key: string, check: TypeCheck): void {
    if ("skipped" in check) return;
    try {
      const file = path.join(this.dir, `${key}.json`);
      const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      writeFileSync(temp, JSON.stringify(check));
      renameSync(temp, file);
    } catch {
      // Not kept: the next run checks these files again.
    }
  }
}
