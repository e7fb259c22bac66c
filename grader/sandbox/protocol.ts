/**
 * Internal. The messages between the trusted grader and the sandboxed harness.
 *
 * The harness reads one Request on stdin and writes newline-delimited Messages
 * on fd 3, each line prefixed with the run's secret. Student code shares the
 * harness's process and might find a way to write to fd 3 too, but it never
 * sees the secret (see inbox.ts): lines without it are ignored. Even so, the
 * grader treats messages only as *outputs to be checked*, never as verdicts,
 * and accepts a result only for the call that is running.
 */
import type { Wire } from "./wire.ts";

export interface Call {
  /** Unique within a request. */
  id: string;
  exercise: string;
  fn: string;
  args: unknown[];
  /** Send the arguments back after the call: a case checks that the function left them alone. */
  pure?: boolean;
  /**
   * The key in Request.modules to call `fn` from, when not `exercise` itself: another build of the same exercise
   * (see engine/upstream.ts, which runs a student's exercise against the course's earlier functions).
   */
  module?: string;
}

/** The module a call runs in. */
export const moduleOf = (call: Pick<Call, "exercise" | "module">): string => call.module ?? call.exercise;

export interface Request {
  /** Fresh per process; prefixes every line the harness writes. Held only in the harness's closure. */
  secret: string;
  /** exercise id → its compiled CommonJS module's code (the sandbox reads no file but the harness). */
  modules: Record<string, string>;
  calls: Call[];
}

export interface ErrorInfo {
  name: string;
  message: string;
  /** The stub's own "not implemented" error: the exercise is not started. */
  notImplemented: boolean;
  /**
   * Where in the compiled bundle the error was thrown, when the stack says.
   * The grader maps it back to the student's file (source maps are resolved
   * on the trusted side: Node's own support slows every thrown error).
   */
  frame?: { bundle: string; line: number; column: number };
  /** The frame mapped back: "exercises/05-delta/delta.ts:14". Set by the grader. */
  at?: string;
}

/**
 * The harness announces only what the grader cannot infer: it runs the calls in
 * order and loads each exercise's module just before its first call, so each
 * message also marks the start of the next step.
 */
export type Message =
  | { t: "ready" }
  /** `exercise`: the module's key (Call.module, or the exercise). */
  | { t: "imported"; exercise: string }
  | { t: "import-failed"; exercise: string; error: ErrorInfo }
  /** `after`: the arguments as they are after the call, for the grader to decide purity. */
  | { t: "ok"; id: string; value: Wire; meta: Wire; after?: Wire }
  | { t: "threw"; id: string; error: ErrorInfo }
  | { t: "done" };

export const NOT_IMPLEMENTED = /^not implemented\b/i;
export const RESULT_FD = 3;
/** Larger results are refused: no exercise legitimately returns megabytes. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** Deepest nesting a value may have on the wire (the harness tags anything deeper). */
export const MAX_WIRE_DEPTH = 64;
/** Clipping of the strings an error carries, applied on both sides of the boundary. */
export const MAX_ERROR_NAME = 200;
export const MAX_ERROR_MESSAGE = 4000;
