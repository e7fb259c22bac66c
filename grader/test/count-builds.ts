/** How many builds a piece of work starts in a compile host, for the tests that count them. */
import { watchCompiles } from "../sandbox/compile-guard.ts";

/** `run`'s result and how many builds it started in a compile host. */
export async function counted<T>(run: () => Promise<T>): Promise<{ result: T; builds: number }> {
  let builds = 0;
  const stop = watchCompiles((e) => e.phase === "start" && builds++);
  try {
    return { result: await run(), builds };
  } finally {
    stop();
  }
}
