/**
 * Internal. The in-memory file system esbuild builds a submission from, and the request a compile host
 * (compile-host.ts) is sent. It runs inside that host, so it imports nothing of esbuild's at run time.
 */
import path from "node:path";
import type * as esbuild from "esbuild";

/** esbuild's paths for the in-memory files: /exercises/<rel>. Nothing on disk is there. */
export const ROOT = "/exercises";
export const NAMESPACE = "exercise-file";
const REFERENCE_NAMESPACE = "reference-file";

type Files = Map<string, string | Uint8Array>;

/** One build, as it crosses to a compile host (structured clone: no functions, no classes). */
export interface BuildRequest {
  /** The submission's exercise files: path relative to exercises/ → contents. */
  files: [string, string | Uint8Array][];
  /** Files refused before compiling (see source-scan.ts), with the reason. */
  refused: [string, string][];
  entryPoints: { in: string; out: string }[];
  /** With a source map beside each bundle (a graded build), or without (a variant). */
  sourcemap: boolean;
  /** A variant's reference files, and which of them stand in for the student's (see compileVariant). */
  reference?: [string, string | Uint8Array][];
  swapped?: string[];
  /**
   * Several variants in one build (see compileVariants): variant k's files are under variantRoot(k), where the
   * reference's files in variants[k] stand in for the student's. Each entry point names its variant by its path.
   */
  variants?: string[][];
}

/** What a host answers for a build that ran: esbuild's errors, or its output files and which inputs each read. */
export interface BuildReply {
  errors: { text: string; file?: string; line?: number; column?: number }[];
  outputs: { path: string; text: string }[];
  /** Output path → the inputs it read; every input of the build. */
  outputInputs: [string, string[]][];
  inputs: string[];
  /**
   * For a build that failed: each import esbuild resolved, as importer → imported (esbuild's paths), so the grader
   * can tell which entries reach which error without building each entry again. Left out when there were too many.
   */
  imports?: [string, string][];
}

/** Past this many imports the failed build's graph is left out, and each entry is built on its own instead. */
export const MAX_IMPORTS = 10_000;

/** Where variant k of a build of several (BuildRequest.variants) has its files: a ROOT of its own. */
export const variantRoot = (k: number): string => `/variant-${k}${ROOT}`;
const VARIANT_PATH = /^\/variant-(\d+)\/exercises\//;

/**
 * Resolves imports among the submission's files only, as TypeScript would: with or without .ts, or a folder's index.ts.
 * Each import it resolves is added to `resolved`, importer → imported.
 */
export function inMemory(request: BuildRequest, resolved: [string, string][] = []): esbuild.Plugin {
  const files: Files = new Map(request.files);
  const refused = new Map(request.refused);
  const reference: Files = new Map(request.reference ?? []);
  const variants = request.variants?.map((swapped) => new Set(swapped));
  const single = { root: ROOT, swapped: new Set(request.swapped ?? []) };
  /** The root a path is under, and which files the reference's stand in for there: one per variant. */
  const rootOf = (p: string) => {
    const k = variants ? VARIANT_PATH.exec(p)?.[1] : undefined;
    return k === undefined ? single : { root: variantRoot(Number(k)), swapped: variants![Number(k)] };
  };
  const text = (rel: string, from: Files) => {
    const contents = from.get(rel)!;
    return typeof contents === "string" ? contents : new TextDecoder().decode(contents);
  };
  return {
    name: "exercise-files",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return { path: args.path, namespace: NAMESPACE };
        const spec = args.path;
        const shown = spec.length > 80 ? `${spec.slice(0, 80)}…` : spec;
        if (!spec.startsWith("./") && !spec.startsWith("../")) {
          return {
            errors: [{ text: `import "${shown}" is not allowed; exercise files may only import other exercise files` }],
          };
        }
        const { root, swapped } = rootOf(args.importer);
        const target = path.posix.resolve(path.posix.dirname(args.importer), spec);
        if (!target.startsWith(`${root}/`) || swapped === undefined) {
          return {
            errors: [
              {
                text: `import "${shown}" reaches outside exercises/; exercise files may only import other exercise files`,
              },
            ],
          };
        }
        const rel = target.slice(root.length + 1);
        const candidates = [rel, `${rel}.ts`, `${rel.replace(/\.js$/, "")}.ts`, `${rel}/index.ts`];
        // In a variant, whoever imports it (the student's file or the reference's), a swapped file is the reference's.
        const theirs = candidates.find((c) => swapped.has(c) && reference.has(c));
        const found = theirs ?? candidates.find((c) => files.has(c));
        if (!found) return { errors: [{ text: `import "${shown}": no such exercise file` }] };
        if (resolved.length < MAX_IMPORTS + 1) resolved.push([args.importer, `${root}/${found}`]);
        return { path: `${root}/${found}`, namespace: theirs ? REFERENCE_NAMESPACE : NAMESPACE };
      });
      b.onLoad({ filter: /.*/, namespace: REFERENCE_NAMESPACE }, (args) => {
        const rel = args.path.slice(rootOf(args.path).root.length + 1);
        return { contents: text(rel, reference), loader: "ts", resolveDir: path.posix.dirname(args.path) };
      });
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const rel = args.path.slice(rootOf(args.path).root.length + 1);
        const problem = refused.get(rel);
        if (problem) return { errors: [{ text: problem, location: { file: `${NAMESPACE}:${args.path}`, line: 1 } }] };
        return { contents: text(rel, files), loader: "ts", resolveDir: path.posix.dirname(args.path) };
      });
    },
  };
}

/** The build's options: one module per entry, CommonJS, everything from memory (`resolved`: see inMemory). */
export function buildOptions(request: BuildRequest, resolved?: [string, string][]): esbuild.BuildOptions {
  return {
    entryPoints: request.entryPoints,
    outdir: "/out",
    bundle: true,
    write: false,
    metafile: true,
    // CommonJS, evaluated with vm.compileFunction: starting Node's ESM loader
    // for data: URL imports cost each sandbox about 5 ms more.
    format: "cjs",
    platform: "neutral",
    target: "node20",
    ...(request.sourcemap ? { sourcemap: "external", sourcesContent: false } : {}),
    logLevel: "silent",
    tsconfigRaw: {},
    plugins: [inMemory(request, resolved)],
  };
}
