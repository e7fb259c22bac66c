/**
 * The only files the type checker can see: the submission's exercise files (from memory, under a folder that
 * does not exist on disk), the tsconfig and package.json written here, and TypeScript's standard library. Every
 * other path is answered "not found", never "ask the disk": TypeScript falls back to the real file system for a
 * path its callbacks leave undefined, and then `/// <reference path>`, an absolute or `../` import,
 * `/proc/self/cwd/…` or a symlink would show the types (and so the text) of the kit's solutions and hidden
 * fixtures in a warning.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FileSystem } from "typescript/unstable/fs";

/** Where the files appear to the compiler. Nothing is there on disk. */
export const ROOT = "/backprop-kit-typecheck/exercises";
export const CONFIG = `${ROOT}/tsconfig.json`;
/**
 * Where the release has its package.json, beside exercises/. The compiler looks for the package.json above each
 * file it reads again, and each look is a round trip to this process: with none to find, it asked in every folder
 * up to `/`, 68 answers in all for a check whose files are all new. One that says what the release's says of modules
 * ends each look here: about 40.
 */
const RELEASE_ROOT = path.posix.dirname(ROOT);
export const PACKAGE_JSON = `${RELEASE_ROOT}/package.json`;
const PACKAGE_JSON_TEXT = JSON.stringify({ type: "module" });

/** The options the student's editor uses too (the release's tsconfig.json), without reading any file for them. */
export const COMPILER_OPTIONS = {
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "bundler",
  allowImportingTsExtensions: true,
  noEmit: true,
  strict: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  lib: ["ES2023"],
  types: [],
};
const CONFIG_TEXT = JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ["**/*.ts"] });

/** lib.es2023.d.ts, lib.es2015.symbol.wellknown.d.ts, …: the standard library's file names, and only those. */
const LIB_FILE = /^lib(\.[a-z0-9_-]+)*\.d\.ts$/i;

/** Path relative to exercises/ (e.g. 05-delta/delta.ts) → contents. */
export type ServedFiles = ReadonlyMap<string, string>;

/**
 * Callbacks for TypeScript's API that answer every path themselves. `files()` is read on each call, so a
 * session can swap in the next submission's files; `libDir` is the folder of TypeScript's own lib.*.d.ts.
 */
export function sealedFileSystem(
  files: () => ServedFiles,
  libDir: string,
): Required<Pick<FileSystem, "readFile" | "fileExists" | "directoryExists" | "getAccessibleEntries" | "realpath">> {
  const libs = new Map<string, string | null>();
  const lib = (f: string): string | null | undefined => {
    if (!isPlain(f) || path.posix.dirname(f) !== libDir || !LIB_FILE.test(path.posix.basename(f))) return undefined;
    if (!libs.has(f)) libs.set(f, readLib(f));
    return libs.get(f);
  };
  const inside = (f: string): string | undefined =>
    isPlain(f) && f.startsWith(`${ROOT}/`) ? f.slice(ROOT.length + 1) : undefined;
  const isFolder = (d: string): boolean => {
    if (d === ROOT || ROOT.startsWith(d === "/" ? "/" : `${d}/`)) return isPlain(d);
    const dir = inside(d);
    if (dir === undefined) return false;
    for (const f of files().keys()) if (f.startsWith(`${dir}/`)) return true;
    return false;
  };
  return {
    readFile: (f) => {
      if (f === CONFIG) return CONFIG_TEXT;
      if (f === PACKAGE_JSON) return PACKAGE_JSON_TEXT;
      const name = inside(f);
      if (name !== undefined) return files().get(name) ?? null;
      return lib(f) ?? null;
    },
    fileExists: (f) => {
      if (f === CONFIG || f === PACKAGE_JSON) return true;
      const name = inside(f);
      if (name !== undefined) return files().has(name);
      return typeof lib(f) === "string";
    },
    directoryExists: (d) => isFolder(d),
    getAccessibleEntries: (d) => entries(d, files()),
    // Nothing here is a link: a path is its own real path, and no answer ever names a place on disk.
    realpath: (f) => f,
  };
}

/** Absolute, and already normal: no `.`, `..`, empty or backslashed segment can walk out of a folder. */
function isPlain(f: string): boolean {
  return f.startsWith("/") && !f.includes("\\") && !f.includes("\0") && path.posix.normalize(f) === f;
}

function readLib(f: string): string | null {
  try {
    return readFileSync(f, "utf8");
  } catch {
    return null;
  }
}

/** A folder's listing: the virtual exercises folder and its ancestors; every other folder is empty. */
function entries(d: string, files: ServedFiles): { files: string[]; directories: string[] } {
  if (!isPlain(d)) return { files: [], directories: [] };
  if (d !== ROOT && ROOT.startsWith(d === "/" ? "/" : `${d}/`)) {
    const next = ROOT.slice(d === "/" ? 1 : d.length + 1).split("/")[0];
    return { files: d === RELEASE_ROOT ? ["package.json"] : [], directories: [next] };
  }
  if (d !== ROOT && !d.startsWith(`${ROOT}/`)) return { files: [], directories: [] };
  const prefix = d === ROOT ? "" : `${d.slice(ROOT.length + 1)}/`;
  const found = new Set<string>();
  const directories = new Set<string>();
  for (const f of files.keys()) {
    if (!f.startsWith(prefix)) continue;
    const rest = f.slice(prefix.length).split("/");
    if (rest.length === 1) found.add(rest[0]);
    else directories.add(rest[0]);
  }
  if (d === ROOT) found.add("tsconfig.json");
  return { files: [...found], directories: [...directories] };
}
