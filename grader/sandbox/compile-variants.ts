/**
 * Internal. Builds of an exercise with some earlier exercises' files taken from the course's reference instead of
 * the student's, for upstream tracing (grader/engine/upstream.ts): one variant alone, or several in one build.
 */
import { hashFiles } from "./compile-cache.ts";
import { MAX_BUNDLE_BYTES } from "./bundle-limits.ts";
import { compileLimits, guarded, type CompileLimits } from "./compile-guard.ts";
import { ROOT, variantRoot, type BuildReply, type BuildRequest } from "./compile-plugin.ts";
import type { CompileStore } from "./compile-store.ts";
import { refusals, stored, type ExerciseFiles } from "./compile.ts";

/**
 * One exercise built with some earlier exercises' files taken from the course's reference instead of the student's:
 * every import of a swapped file reaches the reference's, from the student's files and the reference's alike, and
 * every other import the student's. Undefined when it does not build (in time, or at all).
 * - entry: the exercise's entry file relative to exercises/ (e.g. 07-gradient-descent/descent.ts).
 * - swapped: which of the student's files (relative to exercises/) the reference's file of the same path replaces.
 * - store: builds kept from earlier runs (compile-store.ts).
 * Returns the bundle's code.
 */
export async function compileVariant(
  files: ExerciseFiles,
  entry: string,
  reference: ExerciseFiles,
  swapped: (rel: string) => boolean,
  limits: CompileLimits = compileLimits(),
  store?: CompileStore,
): Promise<string | undefined> {
  const reply = await variantBuild(
    files,
    reference,
    {
      entryPoints: [{ in: `${ROOT}/${entry}`, out: "variant" }],
      swapped: [...reference.keys()].filter(swapped),
    },
    limits,
    store,
  );
  return reply && bundleOf(reply, "variant");
}

/** A variant to build: an exercise's entry file, and which of the student's files the reference's replace. */
export interface Variant {
  entry: string;
  swapped: (rel: string) => boolean;
}

/**
 * Several variants' bundles in one build, each as compileVariant builds it alone (undefined for one over the size
 * limit); undefined for the whole when there are fewer than two or the build fails (one variant that does not
 * compile fails them all), and the caller builds them one by one. A submission traced upstream needs several, and
 * each build has a cost of its own (a round trip to the compile host, esbuild's set-up, the files sent again),
 * about 2 ms of a variant's 3.5. Each variant's files are under a root of their own (variantRoot), so its imports
 * reach its own swaps, and esbuild bundles each entry from its own files alone: the same code as its own build, but
 * for the paths in its comments.
 */
export async function compileVariants(
  files: ExerciseFiles,
  reference: ExerciseFiles,
  variants: Variant[],
  limits: CompileLimits = compileLimits(),
  store?: CompileStore,
): Promise<(string | undefined)[] | undefined> {
  if (variants.length < 2) return undefined;
  const reply = await variantBuild(
    files,
    reference,
    {
      entryPoints: variants.map((v, k) => ({ in: `${variantRoot(k)}/${v.entry}`, out: `variant-${k}` })),
      variants: variants.map((v) => [...reference.keys()].filter(v.swapped)),
    },
    limits,
    store,
  );
  return reply && variants.map((_, k) => bundleOf(reply, `variant-${k}`));
}

/** A variant build's answer, or undefined when it did not build (in time, or at all). */
async function variantBuild(
  files: ExerciseFiles,
  reference: ExerciseFiles,
  which: Pick<BuildRequest, "entryPoints" | "swapped" | "variants">,
  limits: CompileLimits,
  store: CompileStore | undefined,
): Promise<BuildReply | undefined> {
  const request: BuildRequest = {
    files: [...files],
    // By content, as compileExercises scans: a submission's variants scan the same files again.
    refused: [...refusals(files, hashFiles(files))],
    sourcemap: false,
    reference: [...reference],
    ...which,
  };
  // One try: a variant that fails, for whatever reason, only means no sentence about earlier exercises.
  const result = await stored(store, request, () => guarded(request, limits, false)).catch(() => undefined);
  return result?.ok && result.reply.errors.length === 0 ? result.reply : undefined;
}

/** The bundle built as `out`; undefined over the size limit, for it is not run (see bundle-limits.ts). */
function bundleOf(reply: BuildReply, out: string): string | undefined {
  const file = reply.outputs.find((f) => f.path.endsWith(`/${out}.js`));
  return file && file.text.length <= MAX_BUNDLE_BYTES ? file.text : undefined;
}
