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
  if (misses.length === 0) return result;
  // One build for all exercises is the fast path; only a failing submission
  // pays for one build per exercise, to learn which exercises the errors cost.
  const all = await build(files, misses, entries);
  const groups = all.ok ? [all] : await Promise.all(misses.map((id) => build(files, [id], entries)));
  for (const [i, outcome] of groups.entries()) {
    if (!outcome.ok) {
      result[misses[i]] = outcome;
      continue;
    }
    for (const [id, built] of Object.entries(outcome.built)) {
      cache?.store(id, built.inputs, hashes, built);
      result[id] = { ok: true, code: built.code, map: built.map };
    }
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

async function build(
  files: ExerciseFiles,
  ids: string[],
  entries: Record<string, string>,
): Promise<{ ok: true; built: Record<string, Built> } | { ok: false; problems: CompileProblem[] }> {
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
      plugins: [inMemory(files)],
    })
    .catch((error: esbuild.BuildFailure) => error);
  if ("errors" in result && result.errors.length > 0) {
    return { ok: false, problems: result.errors.map(toProblem) };
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
    text: message.text,
  };
}

/** Resolves imports among the submission's files only, as TypeScript would: with or without .ts, or a folder's index.ts. */
function inMemory(files: ExerciseFiles): esbuild.Plugin {
  const text = (rel: string) => {
    const contents = files.get(rel)!;
    return typeof contents === "string" ? contents : new TextDecoder().decode(contents);
  };
  return {
    name: "exercise-files",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return { path: args.path, namespace: NAMESPACE };
        const spec = args.path;
        if (!spec.startsWith("./") && !spec.startsWith("../")) {
          return {
            errors: [{ text: `import "${spec}" is not allowed; exercise files may only import other exercise files` }],
          };
        }
        const target = path.posix.resolve(path.posix.dirname(args.importer), spec);
        if (!target.startsWith(`${ROOT}/`)) {
          return {
            errors: [
              {
                text: `import "${spec}" reaches outside exercises/; exercise files may only import other exercise files`,
              },
            ],
          };
        }
        const rel = target.slice(ROOT.length + 1);
        const found = [rel, `${rel}.ts`, `${rel.replace(/\.js$/, "")}.ts`, `${rel}/index.ts`].find((c) => files.has(c));
        if (!found) return { errors: [{ text: `import "${spec}": no such exercise file` }] };
        return { path: `${ROOT}/${found}`, namespace: NAMESPACE };
      });
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: text(args.path.slice(ROOT.length + 1)),
        loader: "ts",
        resolveDir: path.posix.dirname(args.path),
      }));
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
      logLevel: "silent",
    });
    await chmod(out, 0o644);
    return out;
  })();
  harnessBuilds.set(dir, pending);
  return pending;
}
