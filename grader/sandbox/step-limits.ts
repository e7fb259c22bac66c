/**
 * Internal. How long one step of a sandbox (loading a module, or a call) may
 * run, in CPU time (see attempt.ts), and how its memory is watched.
 *
 * An allocation storm must end the same way on every host: out of memory.
 * Filling the heap costs CPU time for page faults, and a host slow at those
 * (or a loaded one) can spend more than a step's CPU limit getting there; the
 * verdict would then hang on the host. So a step whose memory is still growing
 * is not cut at its CPU limit: it goes on, up to allocationCapMs, until it
 * stops growing (then it is out of time) or reaches the memory ceiling (then
 * it is out of memory), whichever comes first. A loop that does not allocate
 * is cut at its limit as before.
 */

/**
 * The run again after a stop gets four times the CPU time, and at least 0.75 s. Only its outcome counts, so what is
 * recorded does not hang on a race between two limits.
 */
export function retryLimitMs(limitMs: number): number {
  return Math.max(4 * limitMs, 750);
}

/** How long the wall clock may run past a step's CPU limit before the step counts as hung. */
export function wallBackstopMs(limitMs: number): number {
  return Math.max(10 * limitMs, limitMs + 5000);
}

/** Where /proc cannot say, the limit falls back to the wall clock, with room for a busy machine. */
export function wallOnlyMs(limitMs: number): number {
  return Math.max(4 * limitMs, 2000);
}

/** The most CPU time a step that keeps allocating may use: enough to fill any heap on a slow host. */
export function allocationCapMs(limitMs: number): number {
  return Math.max(10 * limitMs, 10_000);
}

/** Growth of the sandbox's resident memory, between two looks, that counts as allocating. */
export const GROWTH_BYTES = 4 * 2 ** 20;

/**
 * A step still allocates while its memory grew within this much CPU time: near its limit a heap of small objects
 * is marked again and again before V8 gives up, for a second or more of CPU on a slow host, without growing.
 */
export function growthGraceMs(limitMs: number): number {
  return Math.max(limitMs, 2000);
}

/**
 * The heap of a run again alone: small enough to fill cheaply on any host, so a memory bomb costs well under a
 * second of CPU per call (a submission may call one a score of times), and far more than any honest call here
 * keeps. Short-lived garbage does not count: this bounds the old generation only.
 */
export function retryHeapMb(heapMb: number): number {
  return Math.min(heapMb, 64);
}

/**
 * Where prlimit cannot cap data memory, what holds array buffers: how much the sandbox's resident memory may grow
 * past what it held when it was ready. Above what a run again alone can reach with its small heap, so the heap's
 * limit, and its message, come first there.
 */
export const MEMORY_GROWTH_BYTES = 192 * 2 ** 20;

/** How often a running step's CPU time and memory are looked at (wall-clock ms). */
export const LOOK_MS = 50;
