/**
 * Internal. Prettier's output kept on disk by its input (see disk-store.ts), as builds and type checks are: a
 * release formats each of its 150 text files, nearly all of them the course's files unchanged since the last
 * release, and formatting them again cost each `npm run release` about 4.5 s of CPU (three quarters of it).
 *
 * Prettier's output is a function of the text, the options and the parser, which it picks by the file's name: an
 * entry is keyed by the file's path in the release, the options and the text, and versioned by prettier's version
 * and this file. A text that prettier cannot format is never kept: it fails the build as before.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import * as z from "zod";
import { CACHE_ROOT, DiskStore, hashParts } from "../disk-store.ts";

/** Where releases keep prettier's output. */
export const FORMAT_STORE_ROOT = path.join(CACHE_ROOT, "release-format");
/** The largest text file a release writes is some 60 kB. */
const MAX_ENTRY_BYTES = 4 << 20;
/** Two entries per file that changed (its text before and after a format), for a few releases' worth. */
const MAX_ENTRIES = 2_000;

/**
 * The version of a store of prettier's answers: prettier's own, and the file (`url`) that decides what is kept.
 * Internal, shared with the release test's store of verdicts (test/release-helpers.ts).
 */
export function prettierStoreVersion(url: string): string {
  const version = createRequire(import.meta.url).resolve("prettier/package.json");
  return hashParts([readFileSync(version), readFileSync(fileURLToPath(url))]);
}

/** What prettier's answer on a file depends on: its path in the release (the parser), the options and the text. */
export function prettierKey(rel: string, options: prettier.Options, text: string): string {
  return hashParts(["path", rel, "options", JSON.stringify(options), "text", text]);
}

/** Formats `text` as prettier formats the file `rel` with `options`, from the store when it was done before. */
export class ReleaseFormatter {
  private readonly store: DiskStore<string> | undefined;

  constructor(
    private readonly options: prettier.Options,
    root = FORMAT_STORE_ROOT,
  ) {
    this.store = DiskStore.open(root, () => prettierStoreVersion(import.meta.url), z.string(), {
      maxBytes: MAX_ENTRY_BYTES,
      maxEntries: MAX_ENTRIES,
    });
  }

  /** `file` is where the text is written: prettier picks its parser by the name. `rel` is its path in the release. */
  async format(text: string, rel: string, file: string): Promise<string> {
    const key = prettierKey(rel, this.options, text);
    const kept = this.store?.get(key);
    if (kept !== undefined) return kept;
    const formatted = await prettier.format(text, { ...this.options, filepath: file });
    this.store?.put(key, formatted);
    return formatted;
  }
}
