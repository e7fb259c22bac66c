/**
 * Internal. A compile host: one process, started by compile-process.ts, with an esbuild service of its own under
 * it, that builds one submission's request at a time. Whatever esbuild does with a hostile source (minutes of
 * CPU, gigabytes, a crash) happens in this process group, which the grader measures from /proc and kills whole;
 * no other build shares it.
 *
 * Messages (Node IPC, structured clone): out `{ ready }` once esbuild's service runs; in `{ id, request }`, out
 * `{ id, reply }`, or `{ id, failed }` when the service itself died, after which this process ends.
 * It is bundled and run from memory: no loader for TypeScript has to start with it.
 */
import type * as esbuildTypes from "esbuild";
import { buildOptions, MAX_IMPORTS, type BuildReply, type BuildRequest } from "./compile-plugin.ts";

/** A build with more errors than this reports the first ones: the grader shows ten at most. */
const MAX_ERRORS = 1000;

// Run from memory (node --eval), so the grader says where esbuild's API module is.
const esbuildUrl = process.argv[process.argv.length - 1];
const loaded = (await import(esbuildUrl)) as typeof esbuildTypes & { default?: typeof esbuildTypes };
const esbuild = loaded.default ?? loaded;

// The grader gone, this process has nobody to answer: it ends, and esbuild's service with it.
process.on("disconnect", () => process.exit(0));

async function build(request: BuildRequest): Promise<BuildReply> {
  const resolved: [string, string][] = [];
  const result = await esbuild.build(buildOptions(request, resolved)).catch((error: unknown) => {
    // A failure of the source is an answer; a failure of the service itself is not (see below).
    if ((error as esbuildTypes.BuildFailure)?.errors?.length > 0) return error as esbuildTypes.BuildFailure;
    throw error;
  });
  if (result.errors.length > 0) {
    const errors = result.errors.slice(0, MAX_ERRORS).map((m) => ({
      text: m.text,
      file: m.location?.file,
      line: m.location?.line,
      column: m.location?.column,
    }));
    const imports = resolved.length <= MAX_IMPORTS ? { imports: resolved } : {};
    return { errors, outputs: [], outputInputs: [], inputs: [], ...imports };
  }
  const done = result as esbuildTypes.BuildResult<{ write: false; metafile: true }>;
  return {
    errors: [],
    outputs: done.outputFiles.map((f) => ({ path: f.path, text: f.text })),
    outputInputs: Object.entries(done.metafile.outputs).map(([out, meta]) => [out, Object.keys(meta.inputs)]),
    inputs: Object.keys(done.metafile.inputs),
  };
}

process.on("message", (message) => {
  const { id, request } = message as { id: number; request: BuildRequest };
  build(request).then(
    (reply) => process.send!({ id, reply }),
    (error: unknown) => {
      process.send!({ id, failed: String((error as Error)?.message ?? error) }, () => process.exit(1));
    },
  );
});

// Started before the first build, so that no build is charged for the service's start.
await esbuild.transform("");
process.send!({ ready: true });
