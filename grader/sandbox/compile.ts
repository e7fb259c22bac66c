/**
 * Internal. Compiles a submission's exercise files into one self-contained
 * module per exercise, with esbuild, on the trusted side.
 *
 * esbuild reads the files from memory, never from disk: the only files that
 * exist for it are the submission's own exercise files, so an import can reach
 * nothing else (solutions, fixtures), and a package or node: import is a
 * compile error. The bundles go to the sandbox as text, not as files. Each build
 * runs in a process of its own, under its own limits (see compile-guard.ts).
 */
import { chmod, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cachedBuild } from "./build-cache.ts";
import { hashFiles, type CompileCache } from "./compile-cache.ts";
import { bundleBytes, MAX_BUNDLE_BYTES, oversizedBundles } from "./bundle-limits.ts";
import { compileLimits, guarded, type CompileLimits, type Guarded } from "./compile-guard.ts";
import { ROOT, type BuildReply, type BuildRequest } from "./compile-plugin.ts";
import type { CompileStore } from "./compile-store.ts";
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

export type CompileOutcome = ({ ok: true } & Built) | { ok: false; problems: CompileProblem[] };

/** Exercise files: path relative to exercises/ (with / separators) → contents. */
export type ExerciseFiles = Map<string, string | Uint8Array>;

/**
 * - files: the submission's exercise files.
 * - entries: exercise id → entry file relative to exercises/ (e.g. 05-delta/delta.ts).
 * - cache: bundles built earlier from identical files are reused, and builds kept from earlier runs (its disk, compile-store.ts).
 * - limits: each build's (tests set their own).
 * Throws CompilerUnavailableError when the machine could not give a build enough CPU to tell.
 */
export async function compileExercises(
  files: ExerciseFiles,
  entries: Record<string, string>,
  cache?: CompileCache,
  limits: CompileLimits = compileLimits(),
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
    if (hit) result[id] = { ok: true, ...hit };
    else misses.push(id);
  }
  if (misses.length === 0) return bounded(result, entries);
  // One build for all exercises is the fast path. When it fails on errors in the source, the imports it resolved
  // say which exercises reach an erroring file: those get their errors, and the others are built again together.
  // Any other failure (out of CPU time or memory, a crash), or an answer that cannot be traced, costs one build per
  // exercise, with a retry, to learn which exercises it costs; a build the compiler failed on is charged to that
  // exercise alone (see compile-guard.ts). One after another: each has a host of its own, and a submission needs
  // no more than one at a time.
  const refused = [...refusals(files, hashes)];
  const fileList = [...files];
  const safely = async (ids: string[], retry: boolean): Promise<Tried> => {
    const request: BuildRequest = {
      files: fileList,
      refused,
      entryPoints: ids.map((id) => ({ in: `${ROOT}/${entries[id]}`, out: id })),
      sourcemap: true,
    };
    const outcome = await stored(cache?.disk, request, () => guarded(request, limits, retry));
    return outcome.ok
      ? { ...built(outcome.reply), reply: outcome.reply }
      : { ok: false, problems: [], charged: outcome.reason };
  };
  const settle = (id: string, outcome: BuildOutcome) => {
    if (outcome.ok) {
      for (const [built, bundle] of Object.entries(outcome.built)) {
        if (bundleBytes(bundle) <= MAX_BUNDLE_BYTES) cache?.store(built, bundle.inputs, hashes, bundle);
        result[built] = { ok: true, ...bundle };
      }
      return;
    }
    const text = outcome.charged ? `${outcome.charged}; this exercise's files could not be compiled` : undefined;
    result[id] = text
      ? { ok: false, problems: [{ file: `exercises/${entries[id]}`, line: 0, column: 0, text }] }
      : { ok: false, problems: outcome.problems };
  };
  const oneByOne = async (ids: string[]) => {
    for (const id of ids) settle(id, await safely([id], true));
  };
  // A single exercise's build is the same either way: it is tried once, with its retry.
  const all = await safely(misses, misses.length === 1);
  if (all.ok || misses.length === 1) {
    settle(misses[0], all);
    return bounded(result, entries);
  }
  const failing = all.reply && whoFails(all.reply, misses, entries);
  if (!failing) {
    await oneByOne(misses);
    return bounded(result, entries);
  }
  for (const [id, problems] of failing) result[id] = { ok: false, problems };
  const rest = misses.filter((id) => !failing.has(id));
  if (rest.length > 0) {
    // Errors esbuild finds only once every file parses (an import of a name a file does not export) show here.
    const together = await safely(rest, rest.length === 1);
    if (together.ok || rest.length === 1) settle(rest[0], together);
    else await oneByOne(rest);
  }
  // In the order one build per exercise would have given them.
  for (const id of misses) {
    const outcome = result[id];
    delete result[id];
    result[id] = outcome;
  }
  return bounded(result, entries);
}

/** Internal. The store's answer to `request` where it has one, else `build`'s (kept when it is an answer). */
export function stored(store: CompileStore | undefined, request: BuildRequest, build: () => Promise<Guarded>) {
  return store ? store.build(request, build) : build();
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

/** A bundle and the submission's files it was built from, relative to exercises/ (esbuild's metafile). */
export interface Built extends Bundle {
  inputs: string[];
}

type BuildOutcome =
  { ok: true; built: Record<string, Built> } | { ok: false; problems: CompileProblem[]; charged?: string };
/** A build's outcome, with the host's answer when there was one. */
type Tried = BuildOutcome & { reply?: BuildReply };

/** At most this many problems per exercise, each cut short: a message can quote the student's source. */
const MAX_PROBLEMS = 10;
const MAX_PROBLEM_TEXT = 500;

/** Internal. The files refused before compiling (see source-scan.ts), with the reason. */
export function refusals(files: ExerciseFiles, hashes?: Map<string, string>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [rel, contents] of files)
    texts.set(rel, typeof contents === "string" ? contents : new TextDecoder().decode(contents));
  return sourceProblems(texts, hashes);
}

/** A host's answer as the grader uses it: the problems, or each exercise's bundle and the files it read. */
function built(reply: BuildReply): BuildOutcome {
  if (reply.errors.length > 0) return { ok: false, problems: problemsOf(reply.errors) };
  const maps = new Map(reply.outputs.filter((f) => f.path.endsWith(".map")).map((f) => [f.path, f.text]));
  const out: Record<string, Built> = {};
  for (const file of reply.outputs.filter((f) => f.path.endsWith(".js"))) {
    const id = path.posix.basename(file.path, ".js");
    const inputs = reply.outputInputs.find(([o]) => o.endsWith(`/${id}.js`))?.[1] ?? [];
    out[id] = {
      code: file.text,
      map: maps.get(`${file.path}.map`) ?? "",
      inputs: inputs.map((input) => input.replace(/^[\w-]+:/, "").replace(`${ROOT}/`, "")),
    };
  }
  return { ok: true, built: out };
}

/** A problem's file relative to exercises/, from esbuild's path for it ("exercise-file:/exercises/05-delta/delta.ts"). */
const relativeOf = (file: string) => file.replace(/^[\w-]+:/, "").replace(`${ROOT}/`, "");

/**
 * Exercise → its problems, for the exercises of a failed build that reach a file with an error through the imports
 * esbuild resolved; the problems each would have had built alone. esbuild follows no import of a file it cannot
 * parse, whether it builds one entry or all of them, and lists errors by file and position, so an exercise's own
 * build reports the same errors in the same order. Undefined when the answer cannot say: no imports kept, an error
 * without a file, or one that no exercise reaches.
 */
function whoFails(reply: BuildReply, ids: string[], entries: Record<string, string>) {
  if (!reply.imports || reply.errors.length === 0 || reply.errors.some((e) => e.file === undefined)) return undefined;
  const next = new Map<string, string[]>();
  for (const [from, to] of reply.imports) {
    const key = relativeOf(from);
    const targets = next.get(key) ?? [];
    targets.push(relativeOf(to));
    next.set(key, targets);
  }
  const reached = new Set<string>();
  const failing = new Map<string, CompileProblem[]>();
  for (const id of ids) {
    const reach = new Set([entries[id]]);
    for (const file of reach) for (const to of next.get(file) ?? []) reach.add(to);
    const own = reply.errors.filter((e) => reach.has(relativeOf(e.file!)));
    for (const e of own) reached.add(relativeOf(e.file!));
    if (own.length > 0) failing.set(id, problemsOf(own));
  }
  return reply.errors.every((e) => reached.has(relativeOf(e.file!))) ? failing : undefined;
}

/** esbuild's errors as the student is shown them: each once, the first ten. */
function problemsOf(errors: BuildReply["errors"]): CompileProblem[] {
  // A refused file imported by several entries is reported once.
  const problems = [...new Map(errors.map(toProblem).map((p) => [JSON.stringify(p), p])).values()];
  return problems.slice(0, MAX_PROBLEMS);
}

function toProblem(message: BuildReply["errors"][number]): CompileProblem {
  const file = message.file === undefined ? undefined : relativeOf(message.file);
  return {
    file: file ? `exercises/${file}` : "exercises",
    line: message.line ?? 0,
    column: (message.column ?? 0) + 1,
    text: stripControls(
      message.text.length > MAX_PROBLEM_TEXT ? `${message.text.slice(0, MAX_PROBLEM_TEXT)}…` : message.text,
    ),
  };
}

const harnessBuilds = new Map<string, Promise<string>>();

/** Bundles the harness into one file in `dir`, once per directory. */
export function buildHarness(dir: string): Promise<string> {
  let pending = harnessBuilds.get(dir);
  if (pending) return pending;
  pending = (async () => {
    const out = path.join(dir, "harness.cjs");
    const code = await cachedBuild("harness", {
      entryPoints: [fileURLToPath(new URL("./harness.ts", import.meta.url))],
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      // Strict: a sloppy harness function would show student code its live arguments and
      // its caller through fn.arguments and fn.caller.
      banner: { js: '"use strict";' },
    });
    await writeFile(out, code);
    await chmod(out, 0o644);
    return out;
  })();
  harnessBuilds.set(dir, pending);
  return pending;
}
