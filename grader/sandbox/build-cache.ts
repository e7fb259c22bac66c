/**
 * Internal. The grader's own helper programs (the sandbox harness, the compile host, the type-check host), bundled
 * by esbuild and kept on disk by the content of every file they were built from, as the CLI bundles are
 * (cli/bundle-cache.js). A grading run or `check` that finds them unchanged loads no esbuild of its own: starting its
 * service and bundling the three cost each command about 0.1 s of CPU.
 *
 * The cache is node_modules/.cache/backprop-kit/builds/, beside the installed packages it is as trusted as. An
 * entry is used only when every input file still hashes as it did (a few small reads): an edit to the grader is
 * never run stale. Where the folder cannot be written, each process builds in memory as before.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BuildOptions } from "esbuild";
import { CACHE_ROOT, writeWhole } from "../disk-store.ts";
import { paths } from "../paths.ts";

const DIR = path.join(CACHE_ROOT, "builds");

interface Entry {
  hash: string;
  /** Input files, relative to the kit's root. */
  inputs: string[];
  code: string;
}

/**
 * One file per program and options (entry path included: a copy of the kit that shares these packages has entries
 * of its own), rewritten whole when its inputs change, so nothing piles up.
 */
function entryFile(name: string, options: BuildOptions): string {
  const key = createHash("sha256").update(JSON.stringify(options)).digest("hex").slice(0, 16);
  return path.join(DIR, `${name}-${key}.json`);
}

/** The options, the esbuild version and the inputs' contents as they are now; undefined if an input is gone. */
function hashOf(name: string, options: BuildOptions, inputs: string[]): string | undefined {
  try {
    const esbuild = JSON.parse(readFileSync(path.join(paths.root, "node_modules", "esbuild", "package.json"), "utf8"));
    const hash = createHash("sha256").update(`${name}\0esbuild ${esbuild.version}\0${JSON.stringify(options)}\0`);
    for (const file of inputs)
      hash
        .update(`${file}\0`)
        .update(readFileSync(path.join(paths.root, file)))
        .update("\0");
    return hash.digest("hex");
  } catch {
    return undefined;
  }
}

function cached(name: string, options: BuildOptions): string | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryFile(name, options), "utf8")) as Entry;
    if (!Array.isArray(entry.inputs) || typeof entry.code !== "string") return undefined;
    return hashOf(name, options, entry.inputs) === entry.hash ? entry.code : undefined;
  } catch {
    return undefined;
  }
}

function store(name: string, options: BuildOptions, inputs: string[], code: string): void {
  const hash = hashOf(name, options, inputs);
  if (!hash) return;
  try {
    mkdirSync(DIR, { recursive: true });
    writeWhole(entryFile(name, options), JSON.stringify({ hash, inputs, code } satisfies Entry));
  } catch {
    // A read-only install: the next process builds in memory again.
  }
}

const pending = new Map<string, Promise<string>>();

/**
 * The code esbuild makes of `options` (one entry point, bundled, not written), from the cache when its inputs are
 * unchanged. `name` names the program in the cache; once per process either way.
 */
export function cachedBuild(name: string, options: BuildOptions): Promise<string> {
  let code = pending.get(name);
  if (!code) {
    code = (async () => {
      const hit = cached(name, options);
      if (hit !== undefined) return hit;
      const esbuild = await import("esbuild");
      const built = await esbuild.build({
        ...options,
        absWorkingDir: paths.root,
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const inputs = Object.keys(built.metafile.inputs)
        .filter((file) => !file.includes(":"))
        .sort();
      const text = built.outputFiles[0].text;
      store(name, options, inputs, text);
      return text;
    })();
    pending.set(name, code);
  }
  return code;
}

/** A host program, run from memory with `node --eval`: one ES module, its packages left to Node. */
export function cachedHostBuild(name: string, entry: string): Promise<string> {
  return cachedBuild(name, {
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
  });
}
