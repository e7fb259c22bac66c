/**
 * Internal. Whether a failing case of a later exercise fails because of the student's own earlier functions: a wrong
 * `deltas` (05) makes 06's `gradients` and 07's `train` fail in code that is right, and their diagnosis would then
 * name a mistake that is not there.
 *
 * Such a case runs once more, in one extra sandbox, in builds of the exercise where some earlier exercises' files
 * are the course's reference (see compileVariant). Each case decides for itself which earlier exercises were the
 * student's: those its exercise's bundle actually reaches with a file that is not the course's own, byte for byte
 * (U; swapping in a file identical to the student's changes nothing, so such an exercise can be neither the cause
 * nor the cure). With no such exercise, the case fails where it is, and nothing runs again. Each case runs in
 *   - a build with every earlier exercise the reference's (K = ∅): when it passes there, the mistake is upstream;
 *   - for each X in U, a build where only X is the student's (K = {X}): when it fails there, X alone is enough to
 *     make it fail, and the failure is said to come from X.
 * Only the outputs leave the sandbox; each is decided on the trusted side by the case's own checks and kept as one
 * bit. The reference's code runs in that sandbox alone, never beside a run whose outputs a student sees.
 *
 * What this changes is words, never points: the case is still charged (see README, "Misconceptions"), so a
 * sandbox that cannot run here costs nothing but the sentence.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import { entryFiles, type Manifest } from "../manifest.ts";
import type { CompileOutcome, ExerciseFiles } from "../sandbox/compile.ts";
import { compileVariant, compileVariants, type Variant } from "../sandbox/compile-variants.ts";
import type { Gate } from "../sandbox/gate.ts";
import { runCalls, type RunLimits } from "../sandbox/run.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { decide } from "./checks.ts";
import { CallPlanner } from "./plan.ts";
import type { CaseResult, Upstream } from "./results.ts";
import { UPSTREAM_CALLS, upstreamOf, upstreamOfExercise } from "./upstream-imports.ts";

export interface UpstreamInput {
  files: ExerciseFiles;
  /** The course's reference solutions, laid out as exercise files (path relative to solutions/ → contents). */
  reference: ExerciseFiles;
  manifest: Manifest;
  cases: LoadedCase[];
  results: CaseResult[];
  /** The submission's own builds (compileExercises): which of its files each exercise's bundle read. */
  compiled: Record<string, CompileOutcome>;
  workspace: Workspace;
  limits: RunLimits;
  gate?: Gate;
  signal?: AbortSignal;
  /** Exercises whose bundle is the course's stub: their failures are their own. */
  untouched: Set<string>;
}

const folderOf = (rel: string) => rel.split("/")[0];

/** Only a wrong answer or a thrown error can come from upstream here; a timeout is not run again (it costs 0.85 s). */
function eligible(r: CaseResult): boolean {
  if (r.status !== "fail" && r.status !== "error") return false;
  if (r.missing_export !== undefined || r.message.startsWith("does not compile")) return false;
  return upstreamOf(r.exercise, r.fn).length > 0;
}

/** case key → where its failure comes from, for the failing cases whose failure comes from earlier exercises. */
export async function traceUpstream(input: UpstreamInput): Promise<Map<string, Upstream>> {
  const found = new Map<string, Upstream>();
  const failing = new Set(
    input.results.filter((r) => eligible(r) && !input.untouched.has(r.exercise)).map((r) => r.key),
  );
  const cases = input.cases.filter((c) => failing.has(c.key));
  if (cases.length === 0) return found;
  const entries = entryFiles(input.manifest);
  const modules: Record<string, string> = {};
  /** exercise → the earlier exercises its bundle reaches in files that are not the course's own. */
  const reached = new Map<string, string[]>();
  // Every variant a case may need: per exercise, the course's earlier exercises (K = ∅), then each X kept.
  const wanted: { exercise: string; reach: string[]; kept: string[][] }[] = [];
  for (const exercise of new Set(cases.map((c) => c.exercise))) {
    const own = input.compiled[exercise];
    const read = own?.ok ? own.inputs : [];
    const reach = upstreamOfExercise(exercise).filter((u) =>
      read.some((rel) => folderOf(rel) === u && !sameContents(input.files.get(rel), input.reference.get(rel))),
    );
    // With one earlier exercise reached, keeping it is the student's own build, which failed.
    if (reach.length > 0)
      wanted.push({ exercise, reach, kept: [[], ...(reach.length > 1 ? reach.map((x) => [x]) : [])] });
  }
  const variant = (exercise: string, kept: string[]): Variant => {
    const upstream = upstreamOfExercise(exercise);
    return {
      entry: entries[exercise],
      swapped: (rel) => upstream.includes(folderOf(rel)) && !kept.includes(folderOf(rel)),
    };
  };
  const store = input.workspace.compileCache.disk;
  const all = wanted.flatMap((w) =>
    w.kept.map((kept) => ({ key: key(w.exercise, kept), ...variant(w.exercise, kept) })),
  );
  // All in one build where they all compile; else one by one, an exercise's others only once its course's does.
  const bundles = await compileVariants(input.files, input.reference, all, undefined, store);
  const together = bundles && new Map(all.map((v, i) => [v.key, bundles[i]]));
  const build = async (exercise: string, kept: string[]) => {
    if (together) return together.get(key(exercise, kept));
    const { entry, swapped } = variant(exercise, kept);
    return compileVariant(input.files, entry, input.reference, swapped, undefined, store);
  };
  for (const { exercise, reach, kept } of wanted) {
    const course = await build(exercise, []);
    if (!course) continue;
    reached.set(exercise, reach);
    modules[key(exercise, [])] = course;
    for (const x of kept.slice(1)) {
      const built = await build(exercise, x);
      if (built) modules[key(exercise, x)] = built;
    }
  }
  // Public cases first, as every run orders them.
  const ordered = [
    ...cases.filter((c) => c.visibility !== "hidden"),
    ...cases.filter((c) => c.visibility === "hidden"),
  ].filter((c) => reached.has(c.exercise));
  // Cases that make the same call from the same variant share it: the course's training cases check one run each.
  const planner = new CallPlanner();
  const callOf = new Map<string, string>();
  for (const c of ordered) {
    const reach = reached.get(c.exercise)!.filter((u) => upstreamOf(c.exercise, c.fn).includes(u));
    // Its function relies on none of the student's own earlier files: its failure is its own.
    if (reach.length === 0) continue;
    for (const kept of [[], ...(reach.length > 1 ? reach.map((x) => [x]) : [])]) {
      const module = key(c.exercise, kept);
      if (modules[module]) callOf.set(`${c.key}\u0000${module}`, planner.add(c, module));
    }
  }
  const calls = planner.calls;
  if (calls.length === 0) return found;
  const run = () =>
    runCalls({
      harness: input.workspace.harness,
      modules,
      calls,
      limits: input.limits,
      isolation: input.workspace.isolation,
      signal: input.signal,
    });
  // The sentence is worth no more than the run: a machine that cannot run it leaves the case as it was.
  const report = await (input.gate ? input.gate.run(run) : run()).catch(() => undefined);
  if (!report) return found;
  const passes = (c: LoadedCase, kept: string[]): boolean | undefined => {
    const id = callOf.get(`${c.key}\u0000${key(c.exercise, kept)}`);
    const outcome = id === undefined ? undefined : report.outcomes.get(id);
    return outcome === undefined ? undefined : decide(c, outcome).status === "pass";
  };
  for (const c of ordered) {
    if (passes(c, []) !== true) continue;
    const reach = reached.get(c.exercise)!.filter((u) => upstreamOf(c.exercise, c.fn).includes(u));
    // X is to blame when X alone, among the course's others, makes the case fail again.
    const culprits = reach.length === 1 ? reach : reach.filter((x) => passes(c, [x]) === false);
    const functions = (u: string) => ({ exercise: u, functions: UPSTREAM_CALLS[c.exercise][c.fn][u] });
    found.set(c.key, { from: culprits.map(functions), swapped: reach.map(functions) });
  }
  return found;
}

/** Whether a submission's file and the course's are the same bytes (a file the course lacks is not). */
function sameContents(mine: string | Uint8Array | undefined, course: string | Uint8Array | undefined): boolean {
  if (mine === undefined || course === undefined) return false;
  return Buffer.from(mine).equals(Buffer.from(course));
}

/** The module key of `exercise` built with only `kept` of its earlier exercises the student's. */
function key(exercise: string, kept: string[]): string {
  return `${exercise}~${kept.length === 0 ? "course" : `keep-${kept.join("+")}`}`;
}

/**
 * A case whose failure comes from upstream: the sentence saying so, and nothing that blames the code it ran in. Nor
 * is its function "not started" when the "not implemented" it threw was an earlier exercise's stub.
 */
export function withUpstream(r: CaseResult, upstream: Upstream): CaseResult {
  const { diagnosis: _d, trace: _t, source: _s, not_implemented: _n, ...rest } = r;
  return { ...rest, upstream };
}

const joined = (items: string[], word: string) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;

const ticks = (names: string[]) => names.map((n) => `\`${n}\``);

/** An earlier exercise's functions, e.g. "`gradients` or `loss` (06)": a mistake in either breaks the same file. */
const named = (s: { exercise: string; functions: string[] }) =>
  `${joined(ticks(s.functions), "or")} (${s.exercise.slice(0, 2)})`;

/** What a report says of a case whose failure comes from the student's earlier functions. */
export function upstreamSentence(c: Pick<CaseResult, "fn" | "upstream">): string | undefined {
  const u = c.upstream;
  if (!u) return undefined;
  const fn = `\`${c.fn}\``;
  const course = `${fn} passes this case with the course's own ${joined(ticks(u.swapped.flatMap((s) => s.functions)), "and")}`;
  const charged = "The case is still counted as lost here.";
  if (u.from.length === 0)
    return `This comes from the earlier functions ${fn} calls, not from ${fn} itself: ${course}. ${charged}`;
  const again =
    u.from.length === 1
      ? `with only your ${named(u.from[0])} in place of the course's`
      : "with any one of these alone in place of the course's";
  return `This comes from your ${joined(u.from.map(named), "and your")}, not from ${fn}: ${course}, and fails it again ${again}. ${charged}`;
}
