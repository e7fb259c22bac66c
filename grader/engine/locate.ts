/**
 * Internal. Maps where an error was thrown in a compiled bundle back to the
 * student's own file and line, with the bundle's source map, on the trusted
 * side. (Node's --enable-source-maps would do it in the sandbox, but it makes
 * every thrown error slow, and stubs throw on every call.)
 */
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import type { CompileOutcome } from "../sandbox/compile.ts";
import type { ErrorInfo } from "../sandbox/protocol.ts";

/** Locating an error is a courtesy: when it fails, for whatever reason, the error goes on without a place. */
export function locator(compiled: Record<string, CompileOutcome>): (error: ErrorInfo) => ErrorInfo {
  const locate = unsafeLocator(compiled);
  return (error) => {
    try {
      return locate(error);
    } catch {
      return error;
    }
  };
}

function unsafeLocator(compiled: Record<string, CompileOutcome>): (error: ErrorInfo) => ErrorInfo {
  const maps = new Map<string, TraceMap | undefined>();
  const mapOf = (bundle: string) => {
    if (!maps.has(bundle)) {
      const outcome = compiled[bundle];
      let map: TraceMap | undefined;
      try {
        map = outcome?.ok && outcome.map ? new TraceMap(outcome.map) : undefined;
      } catch {
        map = undefined;
      }
      maps.set(bundle, map);
    }
    return maps.get(bundle);
  };
  return (error) => {
    if (!error.frame || error.at || !(error.frame.line >= 1) || !(error.frame.column >= 0)) return error;
    const map = mapOf(error.frame.bundle);
    if (!map) return error;
    const pos = originalPositionFor(map, { line: error.frame.line, column: Math.max(0, error.frame.column - 1) });
    const file = pos.source?.match(/\d\d-[\w-]+\/[\w.-]+\.ts$/)?.[0];
    return file && pos.line ? { ...error, at: `exercises/${file}:${pos.line}` } : error;
  };
}
