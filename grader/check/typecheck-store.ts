/**
 * Internal. Finished type checks kept on disk by the content of the file set (see disk-store.ts), so that a later
 * run given the same files (a class graded again, a regrade, `check` run twice, the course's stubs and reference in
 * every batch) starts no compiler for them: a type-check process costs about 0.7 s of CPU to start, its compiler
 * reading the standard library included.
 *
 * Entries sit under node_modules/.cache/backprop-kit/typecheck/<version>/, where <version> hashes what shapes a
 * warning: TypeScript's version and the code that checks and cleans (this folder's type-check modules, the
 * sanitizer, the warning's schema). An entry is kept only if it parses as warnings. Only finished checks are
 * stored; a skipped one is tried again next time.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { CACHE_ROOT, DiskStore, hashParts } from "../disk-store.ts";
import { TypeWarningSchema } from "../engine/results.ts";
import type { TypeCheck } from "./typecheck-process.ts";

/** Where the kit keeps its checks. */
export const STORE_ROOT = path.join(CACHE_ROOT, "typecheck");
/** Far above any real entry (at most 50 warnings of at most 4000 characters). */
const MAX_ENTRY_BYTES = 1 << 20;
/** A few kilobytes each: ten thousand are a few classes' worth, and some tens of megabytes at most. */
const MAX_ENTRIES = 10_000;
const EntrySchema = z.object({ warnings: z.array(TypeWarningSchema).max(50) });

/** The files whose code decides what a check says. */
const SHAPERS = [
  "./typecheck.ts",
  "./typecheck-process.ts",
  "./typecheck-host.ts",
  "./typecheck-fs.ts",
  "./typecheck-store.ts",
  "../disk-store.ts",
  "../sanitize.ts",
  "../engine/results.ts",
];

function versionHash(): string {
  const require = createRequire(import.meta.url);
  const ts = require.resolve("typescript/package.json");
  const native = createRequire(ts).resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
  return hashParts([
    readFileSync(ts),
    readFileSync(native),
    ...SHAPERS.map((file) => readFileSync(fileURLToPath(new URL(file, import.meta.url)))),
  ]);
}

export class TypeCheckStore {
  private constructor(private readonly store: DiskStore<{ warnings: z.infer<typeof TypeWarningSchema>[] }>) {}

  /** The folder this version's checks are kept in. */
  get dir(): string {
    return this.store.dir;
  }

  /** The store for this version of the checker, or undefined when it cannot be used here. */
  static open(root = STORE_ROOT): TypeCheckStore | undefined {
    const store = DiskStore.open(root, versionHash, EntrySchema, {
      maxBytes: MAX_ENTRY_BYTES,
      maxEntries: MAX_ENTRIES,
    });
    return store && new TypeCheckStore(store);
  }

  /** The check stored under `key` (the file set's content hash), if there is a sound one. */
  get(key: string): TypeCheck | undefined {
    return this.store.get(key);
  }

  /** Stores a finished check; a skipped one is not kept. */
  put(key: string, check: TypeCheck): void {
    if (!("skipped" in check)) this.store.put(key, check);
  }
}
