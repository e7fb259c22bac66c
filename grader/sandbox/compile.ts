/**
 * Internal. Compiles a submission's exercise files into one self-contained
 * module per exercise, with esbuild, on the trusted side.
 *
 * esbuild reads the files from memory, never from disk: the only files that
 * exist for it are the submission's own exercise files, so an import can reach
 * nothing else (solutions, fixtures), and a package or node: import is a
 * compile error. The bundles go to the sandbox as text, not as files.
 */
import * as esbuild from "esbuild";
import { chmod } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashFiles, type CompileCache } from "./compile-cache.ts";
import { bundleBytes, MAX_BUNDLE_BYTES, oversizedBundles } from "./bundle-limits.ts";
import { guarded } from "./compile-guard.ts";
import { sourceProblems } from "./source-scan.ts";
import { stripControls } from "../sanitize.ts";

export interface CompileProblem {
  /** Path as the student knows it, e.g. exercises/05-delta/delta.ts. */
  file: string;
  line: number;
  column: number;
  text: string;
}

/** An exercise's bundle: CommonJS, run by the harness as `${exercise}.js` (the name stack traces show). */
export interface Bundle {
  code: string;
  /** The source map (JSON), to map errors back to the student's lines on the trusted side. */
  map: string;
}

export type CompileOutcome = ({ ok: true } & Bundle) | { ok: false; problems: CompileProblem[] };

/** Exercise files: path relative to exercises/ (with / separators) → contents. */
export type ExerciseFiles = Map<string, string | Uint8Array>;

/**
 * - files: the submission's exercise files.
 * - entries: exercise id → entry file relative to exercises/ (e.g. 05-delta/delta.ts).
 * - cache: bundles built earlier from identical files are reused.
 */
export async function compileExercises(
  files: ExerciseFiles,
  entries: Record<string, string>,
  cache?: CompileCache,
): Promise<Record<string, CompileOutcome>> {
  const result: Record<string, CompileOutcome> = {};
  const hashes = hashFiles(files);
  const misses: string[] = [];
  for (const id of Object.keys(entries)) {
    if (!files.has(entries[id])) {
      result[id] = {
        ok: false,
        problems: [{ file: `exercises/${entries[id]}`, line: 0, column: 0, text: "the file is missing" }],
      };
      continue;
    }
    const hit = cache?.lookup(id, hashes);
    if (hit) result[id] = { ok: true, code: hit.code, map: hit.map };
    else misses.push(id);
  }
  if (misses.length === 0) return bounded(result, entries);
  // One build for all exercises is the fast path; only a failing submission
  // pays for one build per exercise, to learn which exercises the errors cost.
  // A build the compiler itself failed on twice (crashed, or out of time) is
  // charged to that exercise alone (see compile-guard.ts).
  const refused = refusals(files, hashes);
  const safely = async (ids: string[], retry: boolean): Promise<BuildOutcome> => {
    const outcome = await guarded(() => build(files, ids, entries, refused), undefined, retry);
    return outcome.ok ? outcome.value : { ok: false, problems: [], charged: outcome.reason };
  };
  // The build of all exercises is tried once: whatever failed it (a source error, the compiler
  // crashing or running out of time), each exercise is then built on its own, with a retry, to
  // learn which exercises it costs.
  const all = await safely(misses, false);
  const groups = all.ok ? [all] : await Promise.all(misses.map((id) => safely([id], true)));
  for (const [i, outcome] of groups.entries()) {
    if (!outcome.ok) {
      const text = outcome.charged ? `${outcome.charged}; this exercise's files could not be compiled` : undefined;
      result[misses[i]] = text
        ? { ok: false, problems: [{ file: `exercises/${entries[misses[i]]}`, line: 0, column: 0, text }] }
        : { ok: false, problems: outcome.problems };
      continue;
    }
    for (const [id, built] of Object.entries(outcome.built)) {
      if (bundleBytes(built) <= MAX_BUNDLE_BYTES) cache?.store(id, built.inputs, hashes, built);
      result[id] = { ok: true, code: built.code, map: built.map };
    }
  }
  return bounded(result, entries);
}

/** Refuses the bundles too large to hand a sandbox (see bundle-limits.ts), each as its exercise's compile error. */
function bounded(result: Record<string, CompileOutcome>, entries: Record<string, string>) {
  const sizes: Record<string, number> = {};
  for (const [id, outcome] of Object.entries(result)) if (outcome.ok) sizes[id] = bundleBytes(outcome);
  for (const [id, text] of oversizedBundles(sizes)) {
    result[id] = { ok: false, problems: [{ file: `exercises/${entries[id]}`, line: 0, column: 0, text }] };
  }
  return result;
}

interface Built extends Bundle {
  /** The files the bundle was built from, relative to exercises/. */
  inputs: string[];
}

/** esbuild's paths for the in-memory files: /exercises/<rel>. Nothing on disk is there. */
const ROOT = "/exercises";
const NAMESPACE = "exercise-file";

type BuildOutcome =
  { ok: true; built: Record<string, Built> } | { ok: false; problems: CompileProblem[]; charged?: string };

/** At most this many problems per exercise, each cut short: a message can quote the student's source. */
const MAX_PROBLEMS = 10;
const MAX_PROBLEM_TEXT = 500;

/** The files refused before compiling (see source-scan.ts), with the reason. */
function refusals(files: ExerciseFiles, hashes?: Map<string, string>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [rel, contents] of files)
    texts.set(rel, typeof contents === "string" ? contents : new TextDecoder().decode(contents));
  return sourceProblems(texts, hashes);
}

async function build(
  files: ExerciseFiles,
  ids: string[],
  entries: Record<string, string>,
  refused: Map<string, string>,
): Promise<BuildOutcome> {
  const result = await esbuild
    .build({
      entryPoints: ids.map((id) => ({ in: `${ROOT}/${entries[id]}`, out: id })),
      outdir: "/out",
      bundle: true,
      write: false,
      metafile: true,
      // CommonJS, evaluated with vm.compileFunction: starting Node's ESM loader
      // for data: URL imports cost each sandbox about 5 ms more.
      format: "cjs",
      platform: "neutral",
      target: "node20",
      sourcemap: "external",
      sourcesContent: false,
      logLevel: "silent",
      tsconfigRaw: {},
      plugins: [inMemory(files, refused)],
    })
    .catch((error: unknown) => {
      // A failure of the service itself (not of the source) is for compile-guard.ts to handle.
      if ((error as esbuild.BuildFailure)?.errors?.length > 0) return error as esbuild.BuildFailure;
      throw error;
    });
  if ("errors" in result && result.errors.length > 0) {
    // A refused file imported by several entries is reported once.
    const problems = [
      ...new Map(
        result.errors
          .slice(0, 1000)
          .map(toProblem)
          .map((p) => [JSON.stringify(p), p]),
      ).values(),
    ];
    return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  }
  const done = result as esbuild.BuildResult<{ write: false; metafile: true }>;
  const maps = new Map(done.outputFiles.filter((f) => f.path.endsWith(".map")).map((f) => [f.path, f.text]));
  const built: Record<string, Built> = {};
  for (const file of done.outputFiles.filter((f) => f.path.endsWith(".js"))) {
    const id = path.posix.basename(file.path, ".js");
    const meta = Object.entries(done.metafile.outputs).find(([out]) => out.endsWith(`/${id}.js`))?.[1];
    built[id] = {
      code: file.text,
      map: maps.get(`${file.path}.map`) ?? "",
      inputs: Object.keys(meta?.inputs ?? {}).map((input) => input.replace(/^[\w-]+:/, "").replace(`${ROOT}/`, "")),
    };
  }
  return { ok: true, built };
}

function toProblem(message: esbuild.Message): CompileProblem {
  const loc = message.location;
  const file = loc?.file.replace(/^[\w-]+:/, "").replace(`${ROOT}/`, "");
  return {
    file: file ? `exercises/${file}` : "exercises",
    line: loc?.line ?? 0,
    column: (loc?.column ?? 0) + 1,
    text: stripControls(
      message.text.length > MAX_PROBLEM_TEXT ? `${message.text.slice(0, MAX_PROBLEM_TEXT)}…` : message.text,
    ),
  };
}

/**
 * Where a build takes some files from the course's reference instead (see compileVariant): `swapped` says, for a
 * submission's file the student's code reaches, whether the reference's file of that path stands in for it.
 */
interface Swap {
  reference: ExerciseFiles;
  swapped: (rel: string) => boolean;
}

const REFERENCE_NAMESPACE = "reference-file";

/**
 * One exercise built with some earlier exercises' files taken from the course's reference instead of the student's:
 * every import of a swapped file reaches the reference's, from the student's files and the reference's alike, and
 * every other import the student's. Undefined when it does not build.
 * - entry: the exercise's entry file relative to exercises/ (e.g. 07-gradient-descent/descent.ts).
 * - swapped: which of the student's files (relative to exercises/) the reference's file of the same path replaces.
 * Also returns the student's files the bundle read.
 */
export async function compileVariant(
  files: ExerciseFiles,
  entry: string,
  reference: ExerciseFiles,
  swapped: (rel: string) => boolean,
): Promise<{ code: string; inputs: string[] } | undefined> {
  const result = await esbuild
    .build({
      entryPoints: [{ in: `${ROOT}/${entry}`, out: "variant" }],
      outdir: "/out",
      bundle: true,
      write: false,
      metafile: true,
      format: "cjs",
      platform: "neutral",
      target: "node20",
      logLevel: "silent",
      tsconfigRaw: {},
      plugins: [inMemory(files, refusals(files), { reference, swapped })],
    })
    .catch(() => undefined);
  const out = result?.outputFiles?.find((f) => f.path.endsWith(".js"));
  // A variant over the size limit is not run (see bundle-limits.ts).
  if (!result || result.errors.length > 0 || !out || out.text.length > MAX_BUNDLE_BYTES) return undefined;
  const inputs = Object.keys(result.metafile?.inputs ?? {})
    .filter((input) => input.startsWith(`${NAMESPACE}:`))
    .map((input) => input.slice(NAMESPACE.length + 1).replace(`${ROOT}/`, ""));
  return { code: out.text, inputs };
}

/** Resolves imports among the submission's files only, as TypeScript would: with or without .ts, or a folder's index.ts. */
function inMemory(files: ExerciseFiles, refused: Map<string, string>, swap?: Swap): esbuild.Plugin {
  const text = (rel: string, from = files) => {
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
        const target = path.posix.resolve(path.posix.dirname(args.importer), spec);
        if (!target.startsWith(`${ROOT}/`)) {
          return {
            errors: [
              {
                text: `import "${shown}" reaches outside exercises/; exercise files may only import other exercise files`,
              },
            ],
          };
        }
        const rel = target.slice(ROOT.length + 1);
        const candidates = [rel, `${rel}.ts`, `${rel.replace(/\.js$/, "")}.ts`, `${rel}/index.ts`];
        // In a variant, whoever imports it (the student's file or the reference's), a swapped file is the reference's.
        const theirs = swap && candidates.find((c) => swap.swapped(c) && swap.reference.has(c));
        if (theirs) return { path: `${ROOT}/${theirs}`, namespace: REFERENCE_NAMESPACE };
        const found = candidates.find((c) => files.has(c));
        if (!found) return { errors: [{ text: `import "${shown}": no such exercise file` }] };
        return { path: `${ROOT}/${found}`, namespace: NAMESPACE };
      });
      b.onLoad({ filter: /.*/, namespace: REFERENCE_NAMESPACE }, (args) => {
        const rel = args.path.slice(ROOT.length + 1);
        return { contents: text(rel, swap!.reference), loader: "ts", resolveDir: path.posix.dirname(args.path) };
      });
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const rel = args.path.slice(ROOT.length + 1);
        const problem = refused.get(rel);
        if (problem) return { errors: [{ text: problem, location: { file: `${NAMESPACE}:${args.path}`, line: 1 } }] };
        return { contents: text(rel), loader: "ts", resolveDir: path.posix.dirname(args.path) };
      });
    },
  };
}

const harnessBuilds = new Map<string, Promise<string>>();

/** Bundles the harness into one file in `dir`, once per directory. */
export function buildHarness(dir: string): Promise<string> {
  let pending = harnessBuilds.get(dir);
  if (pending) return pending;
  pending = (async () => {
    const out = path.join(dir, "harness.cjs");
    await esbuild.build({
      entryPoints: [fileURLToPath(new URL("./harness.ts", import.meta.url))],
      outfile: out,
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      // Strict: a sloppy harness function would show student code its live arguments and
      // its caller through fn.arguments and fn.caller.
      banner: { js: '"use strict";' },
      logLevel: "silent",
    });
    await chmod(out, 0o644);
    return out;
  })();
  harnessBuilds.set(dir, pending);
  return pending;
}
