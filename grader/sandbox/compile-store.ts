/**
 * Internal. Finished builds kept on disk by the content of their request (see disk-store.ts), so that a later run
 * given the same files (a class graded again, a regrade, `check` run twice, the course's stubs and reference in
 * every batch, the same variants of a submission) starts no compile host for them: a host, with its esbuild
 * service, costs about 0.2 s of CPU to start.
 *
 * A build's answer is a function of its request alone: esbuild reads nothing but the files the request carries
 * (compile-plugin.ts). So an entry is keyed by the request (every file's name and content, the refusals, the
 * entries, the options) and versioned by esbuild's version and the code that builds (compile-plugin.ts,
 * compile-host.ts). Only answers are stored, a build's output or esbuild's errors in the source; a build stopped
 * on its limits, or whose host died, is never kept, so it is tried again next time on that run's own limits.
 *
 * The bundles kept here are run in sandboxes, as those built fresh are: the folder is node_modules/.cache, as
 * trusted as the packages beside it, and an entry is bounded in size and read only if it parses as an answer.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { CACHE_ROOT, DiskStore, hashParts } from "../disk-store.ts";
import type { Guarded } from "./compile-guard.ts";
import { MAX_IMPORTS, type BuildReply, type BuildRequest } from "./compile-plugin.ts";

/** Where the kit keeps its builds. */
export const COMPILE_STORE_ROOT = path.join(CACHE_ROOT, "compile");
/** A whole submission's bundles and source maps, each far below the 4 MiB a sandbox is handed. */
const MAX_ENTRY_BYTES = 32 << 20;

/** About 40 kB each (a submission's bundles and source maps): a few classes' worth, some 100 MB at most. */
const MAX_ENTRIES = 2_500;

const ReplySchema: z.ZodType<BuildReply> = z.object({
  errors: z
    .array(
      z.object({
        text: z.string(),
        file: z.string().optional(),
        line: z.number().optional(),
        column: z.number().optional(),
      }),
    )
    .max(1000),
  outputs: z.array(z.object({ path: z.string(), text: z.string() })).max(1000),
  outputInputs: z.array(z.tuple([z.string(), z.array(z.string()).max(10_000)])).max(1000),
  inputs: z.array(z.string()).max(10_000),
  imports: z
    .array(z.tuple([z.string(), z.string()]))
    .max(MAX_IMPORTS)
    .optional(),
});

/** The files whose code decides what a build answers. */
const SHAPERS = ["./compile-plugin.ts", "./compile-host.ts", "./compile-store.ts", "../disk-store.ts"];

function versionHash(): string {
  const esbuild = createRequire(import.meta.url).resolve("esbuild/package.json");
  return hashParts([
    readFileSync(esbuild),
    ...SHAPERS.map((file) => readFileSync(fileURLToPath(new URL(file, import.meta.url)))),
  ]);
}

/** A file's name, whether it is text or bytes, and its content's hash. */
function* fileParts(files: [string, string | Uint8Array][] = []): Generator<string> {
  for (const [rel, contents] of files) yield `${rel}\0${typeof contents}\0${hashParts([contents])}`;
}

/** Every part of a request, in order: two requests hash alike only when esbuild is given the same build. */
export function requestKey(request: BuildRequest): string {
  return hashParts([
    ...fileParts(request.files),
    "refused",
    JSON.stringify(request.refused),
    "entries",
    JSON.stringify(request.entryPoints),
    `sourcemap ${request.sourcemap}`,
    "reference",
    ...fileParts(request.reference),
    "swapped",
    JSON.stringify(request.swapped ?? null),
    "variants",
    JSON.stringify(request.variants ?? null),
  ]);
}

export class CompileStore {
  private constructor(private readonly store: DiskStore<BuildReply>) {}

  /** The folder this version's builds are kept in. */
  get dir(): string {
    return this.store.dir;
  }

  /** The store for this version of the compiler, or undefined when it cannot be used here. */
  static open(root = COMPILE_STORE_ROOT): CompileStore | undefined {
    const store = DiskStore.open(root, versionHash, ReplySchema, {
      maxBytes: MAX_ENTRY_BYTES,
      maxEntries: MAX_ENTRIES,
    });
    return store && new CompileStore(store);
  }

  /** The kept answer to `request`, or `build`'s, which is kept when it is an answer. */
  async build(request: BuildRequest, build: () => Promise<Guarded>): Promise<Guarded> {
    const key = requestKey(request);
    const kept = this.store.get(key);
    if (kept) return { ok: true, reply: kept };
    const outcome = await build();
    if (outcome.ok) this.store.put(key, outcome.reply);
    return outcome;
  }
}
