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

/** The calls for `cases`, leaving out exercises with no module (they did not compile). */
export function planCalls(cases: LoadedCase[], modules: Record<string, string>): CallPlan {
  const calls: PlannedCall[] = [];
  const callOf = new Map<string, string>();
  const bySignature = new Map<string, PlannedCall>();
  const ordered = [
    ...cases.filter((c) => c.visibility !== "hidden"),
    ...cases.filter((c) => c.visibility === "hidden"),
  ];
  for (const c of ordered) {
    if (!modules[c.exercise]) continue;
    const signature = callSignature(c);
    let call = bySignature.get(signature);
    if (!call) {
      call = {
        id: String(calls.length),
        exercise: c.exercise,
        fn: c.fn,
        args: c.args,
        limitMs: c.cpuLimitMs,
        signature,
      };
      bySignature.set(signature, call);
      calls.push(call);
    } else if (c.cpuLimitMs !== undefined) {
      // Cases sharing a call share its limit: the most generous of theirs.
      call.limitMs = Math.max(call.limitMs ?? 0, c.cpuLimitMs);
    }
    if (c.pure) call.pure = true;
    callOf.set(c.key, call.id);
  }
  return { calls, callOf };
}
