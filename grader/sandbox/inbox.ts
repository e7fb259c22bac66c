/**
 * Internal. Turns the bytes a sandbox writes on fd 3 into messages, treating
 * them as hostile: every bound is applied to the raw line before JSON.parse or
 * any recursive walk sees it.
 *
 * - A line counts only if it starts with the run's secret. The harness holds
 *   the secret in its closure; student code never sees it, so whatever it
 *   manages to write on fd 3 is ignored.
 * - An authenticated line longer than MAX_MESSAGE_BYTES, or nested deeper than
 *   the wire allows, or not of a message's shape, is a breach: it costs the
 *   call that is running, with a reason, and nothing else.
 * - Every string an error carries is clipped on arrival.
 */
import {
  MAX_ERROR_MESSAGE,
  MAX_ERROR_NAME,
  MAX_MESSAGE_BYTES,
  MAX_WIRE_DEPTH,
  type ErrorInfo,
  type Message,
} from "./protocol.ts";
import type { Wire } from "./wire.ts";
import { stripControls } from "../sanitize.ts";

/** The envelope and the tagged values add a few levels to a value's own depth. */
export const MAX_LINE_DEPTH = MAX_WIRE_DEPTH + 8;
const MAX_ID = 64;

export interface InboxEvents {
  message(message: Message): void;
  /** An authenticated line that breaks a bound: the running call's output is refused. */
  breach(reason: string): void;
  /** More than MAX_MESSAGE_BYTES without a line break: the process must be stopped. */
  overflow(): void;
}

export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;
}

/**
 * Deepest nesting of [ and { in JSON text, outside strings, in one pass with no recursion.
 * Stops counting once past `limit`.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const shortString = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_ID;

/** An error's description as the grader keeps it: known fields only, strings clipped, frame sane. */
export function errorInfo(raw: unknown): ErrorInfo {
  const e = isRecord(raw) ? raw : {};
  const info: ErrorInfo = {
    name: clip(stripControls(typeof e.name === "string" ? e.name : "Error", true), MAX_ERROR_NAME),
    message: clip(stripControls(typeof e.message === "string" ? e.message : ""), MAX_ERROR_MESSAGE),
    notImplemented: e.notImplemented === true,
  };
  const f = e.frame;
  if (
    isRecord(f) &&
    shortString(f.bundle) &&
    Number.isSafeInteger(f.line) &&
    Number.isSafeInteger(f.column) &&
    (f.line as number) >= 1 &&
    (f.column as number) >= 0
  ) {
    info.frame = { bundle: f.bundle, line: f.line as number, column: f.column as number };
  }
  return info;
}

/** The message a parsed line holds, or undefined when it has no message's shape. */
export function toMessage(raw: unknown): Message | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.t) {
    case "ready":
    case "done":
      return { t: raw.t };
    case "imported":
      return shortString(raw.exercise) ? { t: raw.t, exercise: raw.exercise } : undefined;
    case "import-failed":
      return shortString(raw.exercise) ? { t: raw.t, exercise: raw.exercise, error: errorInfo(raw.error) } : undefined;
    case "threw":
      return shortString(raw.id) ? { t: raw.t, id: raw.id, error: errorInfo(raw.error) } : undefined;
    case "ok":
      if (!shortString(raw.id)) return undefined;
      return {
        t: "ok",
        id: raw.id,
        value: (raw.value ?? null) as Wire,
        meta: (isRecord(raw.meta) ? raw.meta : {}) as Wire,
        ...("after" in raw ? { after: raw.after as Wire } : {}),
      };
  }
  return undefined;
}

/** One line from the sandbox, judged: a message, a breach with its reason, or noise to ignore. */
export function readLine(line: string, secret: string): Message | { breach: string } | undefined {
  if (!line.startsWith(secret)) return undefined;
  const body = line.slice(secret.length);
  if (body.length > MAX_MESSAGE_BYTES) return { breach: "its output is larger than 4 MiB" };
  if (jsonDepth(body, MAX_LINE_DEPTH) > MAX_LINE_DEPTH)
    return { breach: `its output is nested more than ${MAX_WIRE_DEPTH} levels deep` };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { breach: "its output could not be read" };
  }
  return toMessage(raw) ?? { breach: "its output could not be read" };
}

/** A data listener for fd 3 that splits lines and judges each one. */
export function inbox(secret: string, events: InboxEvents): (chunk: Buffer) => void {
  let buffered = "";
  return (chunk) => {
    buffered += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const judged = readLine(line, secret);
      if (judged === undefined) continue;
      if ("breach" in judged) events.breach(judged.breach);
      else events.message(judged);
    }
    if (buffered.length > MAX_MESSAGE_BYTES + secret.length) {
      buffered = "";
      events.overflow();
    }
  };
}
