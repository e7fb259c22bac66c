/**
 * Internal. Loads Dolos (`@dodona/dolos-lib`) from the kit's opt-in folder
 * `.similarity/`, where `npm run similarity:install` puts it. It is not a
 * dependency of the kit: its tree-sitter parsers build natively, which costs
 * minutes, so `npm ci` stays fast and the student release never has it.
 * Only the few parts of its API used here are typed, so the kit type-checks
 * without it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { GraderError } from "../errors.ts";
import { dolosModules, SIMILARITY_DIR } from "./store.ts";

export { SIMILARITY_DIR };
export const INSTALL_COMMAND = "npm run similarity:install";
/** Dolos's entry in the build for the running Node (store.ts). */
const entry = () => path.join(dolosModules(), "@dodona", "dolos-lib", "dist", "index.js");

/** Similarity was asked for but Dolos cannot be loaded; the message says what to run. */
export class SimilarityUnavailableError extends GraderError {
  constructor(why: string) {
    super(
      "SIMILARITY_UNAVAILABLE",
      `Similarity reports need Dolos, which is installed apart from the kit, and ${why}.\n` +
        `Run:  ${INSTALL_COMMAND}\n` +
        `(once, a minute or a few: it builds the tree-sitter parsers on every core, which needs Python 3, make and a C++ compiler).`,
    );
  }
}

export interface DolosRegion {
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

export interface DolosFile {
  readonly path: string;
}

export interface DolosTokenizedFile extends DolosFile {
  readonly tokens: string[];
}

export interface DolosOccurrence {
  file: DolosTokenizedFile;
}

export interface DolosSharedFingerprint {
  occurrencesOf(file: DolosTokenizedFile): DolosOccurrence[];
}

export interface DolosFileEntry {
  file: DolosTokenizedFile;
  kgrams: unknown[];
  ignored: Set<DolosSharedFingerprint>;
}

export interface DolosFragment {
  leftSelection: DolosRegion;
  rightSelection: DolosRegion;
  pairs: unknown[];
}

export interface DolosPair {
  readonly leftEntry: DolosFileEntry;
  readonly rightEntry: DolosFileEntry;
  readonly leftCovered: number;
  readonly rightCovered: number;
  /** The longest run of shared fingerprints, in k-grams. */
  readonly longest: number;
  buildFragments(minimumOccurrences?: number): DolosFragment[];
}

export interface DolosFingerprintIndex {
  addFiles(files: DolosTokenizedFile[]): unknown;
  addIgnoredFile(file: DolosTokenizedFile): void;
  allPairs(): DolosPair[];
  entries(): DolosFileEntry[];
}

export interface DolosTokenizer {
  tokenizeFile(file: DolosFile): DolosTokenizedFile;
}

export interface DolosLib {
  File: new (path: string, content: string) => DolosFile;
  Region: new (startRow: number, startCol: number, endRow: number, endCol: number) => DolosRegion;
  TokenizedFile: new (file: DolosFile, tokens: string[], mapping: DolosRegion[]) => DolosTokenizedFile;
  FingerprintIndex: new (kgramLength: number, kgramsInWindow: number, kgramData?: boolean) => DolosFingerprintIndex;
  LanguagePicker: new () => {
    findLanguage(name: string): Promise<{ createTokenizer(o: { includeComments: boolean }): Promise<DolosTokenizer> }>;
  };
}

/** The version pinned in .similarity/package.json. */
export function pinnedVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(SIMILARITY_DIR, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  return pkg.dependencies["@dodona/dolos-lib"];
}

export function installed(): boolean {
  return existsSync(entry());
}

let loaded: Promise<{ lib: DolosLib; tokenizer: DolosTokenizer }> | undefined;

async function load(): Promise<{ lib: DolosLib; tokenizer: DolosTokenizer }> {
  if (!installed())
    throw new SimilarityUnavailableError(
      `it is not installed in ${path.relative(process.cwd(), SIMILARITY_DIR) || "."}/`,
    );
  let lib: DolosLib;
  try {
    lib = (await import(pathToFileURL(entry()).href)) as DolosLib;
    const language = await new lib.LanguagePicker().findLanguage("typescript");
    return { lib, tokenizer: await language.createTokenizer({ includeComments: false }) };
  } catch (error) {
    // Most often the parsers were built for another version of Node: a reinstall rebuilds them.
    throw new SimilarityUnavailableError(
      `it failed to load under Node ${process.version} (${(error as Error).message.split("\n")[0]})`,
    );
  }
}

/** Dolos and a TypeScript tokenizer, loaded once per process. */
export function loadDolos(): Promise<{ lib: DolosLib; tokenizer: DolosTokenizer }> {
  loaded ??= load();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
