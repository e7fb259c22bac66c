/**
 * Internal. Compiles a submission's exercise files into one module per
 * exercise, with esbuild, on the trusted side.
 *
 * Imports are confined to the submission's own exercise files: a relative path
 * that climbs out of exercises/, an absolute path or a package name is a
 * compile error, so nothing else on disk (solutions, fixtures) can be bundled in.
 */
import * as esbuild from "esbuild";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashTree, type CompileCache } from "./compile-cache.ts";

export interface CompileProblem {
  /** Path as the student knows it, e.g. exercises/05-delta/delta.ts. */
  file: string;
  line: number;
  column: number;
  text: string;
}

export type CompileOutcome =
  | {
      ok: true;
      module: string;
      /** The bundle's source map (JSON), to map errors back to the student's lines on the trusted side. */
      map: string;
    }
  | { ok: false; problems: CompileProblem[] };

/**
 * - root: the folder that holds the exercise folders (a submission's exercises/).
 * - entries: exercise id → entry file relative to root (e.g. 05-delta/delta.ts).
 * - cache: bundles built earlier from identical files are reused.
 */
export async function compileExercises(
  root: string,
  entries: Record<string, string>,
  outDir: string,
  cache?: CompileCache,
): Promise<Record<string, CompileOutcome>> {
  await mkdir(outDir, { recursive: true, mode: 0o755 });
  const result: Record<string, CompileOutcome> = {};
  const moduleOf = (id: string) => path.join(outDir, `${id}.mjs`);
  const hashes = cache ? await hashTree(root) : new Map<string, string>();
  const misses: string[] = [];
  for (const id of Object.keys(entries)) {
    const hit = cache?.lookup(id, hashes);
    if (hit) {
      await writeFile(moduleOf(id), hit.code, { mode: 0o644 });
      result[id] = { ok: true, module: moduleOf(id), map: hit.map };
    } else {
      misses.push(id);
    }
  }
  if (misses.length === 0) return result;
  // One build for all exercises is the fast path; only a failing submission
  // pays for one build per exercise, to learn which exercises the errors cost.
  const all = await build(root, misses, entries, outDir);
  const groups = all.ok ? [all] : await Promise.all(misses.map((id) => build(root, [id], entries, outDir)));
  for (const [i, outcome] of groups.entries()) {
    if (!outcome.ok) {
      result[misses[i]] = outcome;
      continue;
    }
    for (const [id, built] of Object.entries(outcome.built)) {
      await writeFile(moduleOf(id), built.code, { mode: 0o644 });
      cache?.store(id, built.inputs, hashes, built);
      result[id] = { ok: true, module: moduleOf(id), map: built.map };
    }
  }
  return result;
}

interface Built {
  code: Uint8Array;
  map: string;
  /** The files the bundle was built from, relative to root. */
  inputs: string[];
}

async function build(
  root: string,
  ids: string[],
  entries: Record<string, string>,
  outDir: string,
): Promise<{ ok: true; built: Record<string, Built> } | { ok: false; problems: CompileProblem[] }> {
  const result = await esbuild
    .build({
      absWorkingDir: root,
      entryPoints: ids.map((id) => ({ in: path.join(root, entries[id]), out: id })),
      outdir: outDir,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "node",
      target: "node20",
      sourcemap: "external",
      sourcesContent: false,
      logLevel: "silent",
      tsconfigRaw: {},
      plugins: [confineImports(root)],
    })
    .catch((error: esbuild.BuildFailure) => error);
  if ("errors" in result && result.errors.length > 0) {
    return { ok: false, problems: result.errors.map((m) => toProblem(root, m)) };
  }
  const done = result as esbuild.BuildResult<{ write: false; metafile: true }>;
  const built: Record<string, Built> = {};
  const maps = new Map(done.outputFiles.filter((f) => f.path.endsWith(".map")).map((f) => [f.path, f.text]));
  for (const file of done.outputFiles.filter((f) => f.path.endsWith(".mjs"))) {
    const id = path.basename(file.path, ".mjs");
    const meta = done.metafile.outputs[path.relative(root, file.path).split(path.sep).join("/")];
    built[id] = {
      code: file.contents,
      map: maps.get(`${file.path}.map`) ?? "",
      inputs: Object.keys(meta?.inputs ?? {}),
    };
  }
  return { ok: true, built };
}

function toProblem(root: string, message: esbuild.Message): CompileProblem {
  const loc = message.location;
  return {
    file: loc ? path.join("exercises", path.relative(root, path.resolve(root, loc.file))) : "exercises",
    line: loc?.line ?? 0,
    column: (loc?.column ?? 0) + 1,
    text: message.text,
  };
}

function confineImports(exercisesRoot: string): esbuild.Plugin {
  return {
    name: "confine-imports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const spec = args.path;
        if (spec.startsWith("./") || spec.startsWith("../")) {
          const target = path.resolve(args.resolveDir, spec);
          if (target === exercisesRoot || target.startsWith(exercisesRoot + path.sep)) return undefined;
          return {
            errors: [
              {
                text: `import "${spec}" reaches outside exercises/; exercise files may only import other exercise files`,
              },
            ],
          };
        }
        return {
          errors: [{ text: `import "${spec}" is not allowed; exercise files may only import other exercise files` }],
        };
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
    const out = path.join(dir, "harness.mjs");
    await esbuild.build({
      entryPoints: [fileURLToPath(new URL("./harness.ts", import.meta.url))],
      outfile: out,
      bundle: true,
      format: "esm",
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
