/**
 * Why a throughput target was missed, from the run's own figures: a missed target prints its arithmetic beside it,
 * so the table says what would have to change (less CPU per submission, or more of the cores used), not just "NO".
 * Pure: the bench passes in what it measured.
 */
import type { CpuSplit } from "./cpu.ts";

/** What one graded batch gives the arithmetic: how many it graded, and its run's wall clock and CPU split. */
export interface BatchFigures {
  n: number;
  split: CpuSplit;
}

/** A figure as the bench prints it. */
export const fmt = (n: number, digits = 1) => n.toFixed(digits);
/** Submissions/s over the run's wall clock. */
const rateOf = (b: BatchFigures) => b.n / (b.split.ms / 1000);
/** The machine's CPU time per submission, ms. */
const cpuEach = (b: BatchFigures) => b.split.totalMs / b.n;

/** Submissions/s with every core busy on this batch's CPU time per submission. */
export function ceiling(b: BatchFigures, cores: number): number {
  return (cores * 1000) / cpuEach(b);
}

/** Milliseconds of CPU per submission, each part, largest first: "sandboxes 55, compile 21, …". */
function parts(b: BatchFigures): string {
  const s = b.split;
  const named: [string, number][] = [
    ["sandboxes", s.sandboxesMs],
    ["compile", s.compileMs],
    ["type check", s.typecheckMs],
    ["grader", s.graderMs],
    ["reports", s.reportsMs],
    ["other", s.otherMs],
  ];
  return named
    .sort((x, y) => y[1] - x[1])
    .map(([name, ms]) => `${name} ${fmt(ms / b.n, 0)}`)
    .join(", ");
}

/**
 * Why `rate` fell short of `target` submissions/s, or undefined when it did not. The batch used a share of its
 * ceiling (the cores it kept busy); at that share the target needs a CPU time per submission the run can be held to.
 */
export function rateShortfall(b: BatchFigures, cores: number, target: number): string | undefined {
  const rate = rateOf(b);
  if (rate >= target) return undefined;
  const top = ceiling(b, cores);
  const use = rate / top;
  const perSubmission = cpuEach(b);
  const needed = (cores * 1000 * use) / target;
  const base =
    `${fmt(rate)}/s is ${fmt(use * 100, 0)}% of its ceiling of ${fmt(top)}/s (${cores} cores busy on ` +
    `${fmt(perSubmission, 0)} ms of CPU per submission: ${parts(b)})`;
  return target > top
    ? `${base}; ${target}/s is above that ceiling, so it needs under ${fmt((cores * 1000) / target, 0)} ms per submission even with every core busy`
    : `${base}; at that share, ${target}/s needs ${fmt(needed, 0)} ms per submission, ${fmt(perSubmission - needed, 0)} ms less`;
}

/**
 * Why batch/loop fell short of `target`×, or undefined when it did not. The ratio grows with the batch's rate and
 * with the loop's time per submission, so a faster loop (less start-up per command) lowers it: the arithmetic says
 * which rate the batch would need against this loop, and whether the batch's CPU allows that rate at all.
 */
export function ratioShortfall(b: BatchFigures, cores: number, loopMs: number, target: number): string | undefined {
  const rate = rateOf(b);
  const loopRate = 1000 / loopMs;
  if (rate / loopRate >= target) return undefined;
  const needed = target * loopRate;
  const top = ceiling(b, cores);
  const against =
    `${target}× a loop of ${fmt(loopMs, 0)} ms per submission is ${fmt(needed)}/s; the batch ran ${fmt(rate)}/s, ` +
    `with a ceiling of ${fmt(top)}/s (${cores} cores busy on ${fmt(cpuEach(b), 0)} ms of CPU per submission)`;
  return needed > top
    ? `${against}: above the ceiling, so it needs under ${fmt((cores * 1000) / needed, 0)} ms of CPU per submission with ` +
        `every core busy, or a loop slower than ${fmt((target * 1000) / top, 0)} ms per submission`
    : `${against}: within the ceiling, at ${fmt((needed / top) * 100, 0)}% of it, where the batch used ${fmt((rate / top) * 100, 0)}%`;
}
