/**
 * Internal. Which calls a set of cases needs, in the order a sandbox runs them.
 *
 * Cases that share a call (same function, same arguments) run it once. Every public call runs before any hidden
 * one, so nothing a process saw of a hidden input can reach a public case's output, which is shown in full.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import type { Call } from "../sandbox/protocol.ts";

export type PlannedCall = Call & { limitMs?: number; signature: string };

export interface CallPlan {
  calls: PlannedCall[];
  /** case key → the id of the call that answers it. */
  callOf: Map<string, string>;
}

/** A case's signature is the same for every submission: worked out once per case, not once per grading. */
const signatures = new WeakMap<object, string>();

/** What makes two calls the same call. */
export function callSignature(c: Pick<LoadedCase, "exercise" | "fn" | "args">): string {
  let signature = signatures.get(c);
  if (signature === undefined) {
    signature = `${c.exercise}\u0000${c.fn}\u0000${JSON.stringify(c.args)}`;
    signatures.set(c, signature);
  }
  return signature;
}

/**
 * Calls added one case at a time, in order: a case whose call (the same function on the same arguments, from the
 * same module) is planned already shares it, with the most generous of their limits.
 */
export class CallPlanner {
  readonly calls: PlannedCall[] = [];
  private readonly byKey = new Map<string, PlannedCall>();

  /** The id of the call that answers `c` from `module` (the sandbox's module of its exercise when left out). */
  add(c: LoadedCase, module?: string): string {
    const signature = callSignature(c);
    const key = module === undefined ? signature : `${module}\u0000${signature}`;
    let call = this.byKey.get(key);
    if (!call) {
      call = {
        id: String(this.calls.length),
        exercise: c.exercise,
        fn: c.fn,
        args: c.args,
        limitMs: c.cpuLimitMs,
        signature,
      };
      if (module !== undefined) call.module = module;
      this.byKey.set(key, call);
      this.calls.push(call);
    } else if (c.cpuLimitMs !== undefined) {
      call.limitMs = Math.max(call.limitMs ?? 0, c.cpuLimitMs);
    }
    if (c.pure) call.pure = true;
    return call.id;
  }
}

/** The calls for `cases`, leaving out exercises with no module (they did not compile). */
export function planCalls(cases: LoadedCase[], modules: Record<string, string>): CallPlan {
  const planner = new CallPlanner();
  const callOf = new Map<string, string>();
  for (const c of [
    ...cases.filter((c) => c.visibility !== "hidden"),
    ...cases.filter((c) => c.visibility === "hidden"),
  ])
    if (modules[c.exercise]) callOf.set(c.key, planner.add(c));
  return { calls: planner.calls, callOf };
}
