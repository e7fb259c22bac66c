/**
 * Internal. How a sandbox's process ended, in words, from its exit status and
 * what it printed on standard error.
 */

/** What V8 and Node print when the heap, or a string, cannot grow: the process's own size, not the machine. */
const OUT_OF_MEMORY = /heap out of memory|Allocation failed|Invalid string length|ERR_STRING_TOO_LONG/i;

/** Whether the process died of what it was given: out of memory, whoever's memory it was. */
export function diedOfItsInput(output: string): boolean {
  return OUT_OF_MEMORY.test(output);
}

export function describeExit(
  code: number | null,
  signal: NodeJS.Signals | null,
  output: string,
  heapMb: number,
): string {
  if (OUT_OF_MEMORY.test(output)) return `ran out of memory (the limit is ${heapMb} MB)`;
  if (signal) return `the process was killed by ${signal}`;
  if (code === 0) return "the process exited with status 0 before returning a result (process.exit?)";
  return `the process exited with status ${code} before returning a result`;
}
