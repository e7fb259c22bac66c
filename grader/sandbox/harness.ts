/**
 * Internal. The program that runs inside the sandbox: it loads a submission's
 * compiled exercise modules and calls them on the cases' inputs.
 *
 * It holds no expected values, no checks and no reference code: only inputs go
 * in and only outputs come out (see protocol.ts).
 *
 * It reads and writes through fs alone, never process.stdin or a stream: every built-in loaded after Node's start is
 * compiled from source under the sandbox's V8 flags (sandbox-builtins.test.ts says why, and fails on a new one).
 */
import { readFileSync } from "node:fs";
import { compileFunction } from "node:vm";
import { call as callCase, type Called, type Module } from "./adapters.ts";
import { channel } from "./channel.ts";
import {
  create,
  define,
  ErrorClass,
  hasInstance,
  ownKeys,
  ownValue,
  parse,
  put,
  regexpExec,
  stringify,
  stringSlice,
  toText,
} from "./intrinsics.ts";
import {
  MAX_ERROR_MESSAGE,
  MAX_ERROR_NAME,
  NOT_IMPLEMENTED,
  RESULT_FD,
  type Call,
  type ErrorInfo,
  type Message,
  type Request,
} from "./protocol.ts";
import { CHANGED_WIRE, sameWire, snapshot, toWire, type Wire } from "./wire.ts";

// Everything this file does once student code has run uses the built-ins captured in
// intrinsics.ts (before it ran) and plain syntax only: student code may patch any global,
// prototype, getter or symbol; that may corrupt its own answers, never the harness's
// counts, snapshots or messages.
const realExit = (process as unknown as { reallyExit: (code: number) => never }).reallyExit.bind(process);
/** Where an error was thrown in an exercise bundle (not in the harness or node's internals). */
const FRAME = /(\d\d-[\w-]+)\.js:(\d+):(\d+)/;

function clip(s: string, max: number): string {
  return s.length > max ? stringSlice(s, 0, max) : s;
}

function describeError(error: unknown): ErrorInfo {
  try {
    return describe(error);
  } catch {
    // Even describing the error can fail, when the error's own getters throw.
    return { name: "Error", message: "threw an error that could not be described", notImplemented: false };
  }
}

function describe(error: unknown): ErrorInfo {
  if (hasInstance(ErrorClass, error)) {
    const e = error as Error;
    const message = clip(toText(e.message), MAX_ERROR_MESSAGE);
    const info: ErrorInfo = {
      name: clip(toText(e.name), MAX_ERROR_NAME),
      message,
      notImplemented: regexpExec(NOT_IMPLEMENTED, message) !== null,
    };
    const frame = regexpExec(FRAME, toText(e.stack ?? ""));
    if (frame) put(info, "frame", { bundle: frame[1], line: +frame[2], column: +frame[3] });
    return info;
  }
  return {
    name: "thrown value",
    message: clip(`threw ${typeof error === "string" ? stringify(error) : toText(error)}`, MAX_ERROR_MESSAGE),
    notImplemented: false,
  };
}

/**
 * The message for a call that returned. Purity is decided on the trusted side, from the
 * arguments read back right after the call and again once the answer has been read: a
 * getter in the answer must neither undo a change nor make one unseen. The kit's counts
 * are read last, so the work such a getter does is counted too.
 */
function answer(outcome: Called, args: unknown[], pure: boolean, id: string): Message {
  // Own properties only: an Object.prototype.readBack must not stand in for a missing one.
  const readBack = ownValue(outcome, "readBack", undefined) as Called["readBack"];
  const present = ownValue(outcome, "present", undefined) as Called["present"];
  const inputs = () => (readBack ? readBack() : args);
  const before = pure ? snapshot(inputs()) : null;
  const raw = ownValue(outcome, "value", undefined);
  const value = toWire(present ? present(raw) : raw);
  const meta = counts(ownValue(outcome, "meta", undefined) as Called["meta"]);
  if (!pure) return { t: "ok", id, value, meta };
  const after = snapshot(inputs());
  return { t: "ok", id, value, meta, after: sameWire(before, after) ? after : CHANGED_WIRE };
}

/** The kit's own counts as wire data: numbers only, in a record no prototype can intercept. */
function counts(meta: Called["meta"]): Wire {
  const out = create(null) as Record<string, Wire>;
  if (!meta) return out;
  const record = meta();
  const keys = ownKeys(record);
  for (let i = 0; i < keys.length; i++) {
    const n = ownValue(record, keys[i], undefined);
    if (typeof n === "number") put(out, keys[i], n);
  }
  return out;
}

/** Swallows what student code prints: its output is never read, and its streams are routes to raw fds. */
const inert = create(null, {
  write: { value: () => true },
  end: { value: () => {} },
  on: { value: () => inert },
  once: { value: () => inert },
  isTTY: { value: false },
});

/**
 * Exercise code has no business ending or signalling processes, reaching the
 * network, or holding a stream it could point at fd 3; take those away.
 */
function harden(): void {
  const refuse = (what: string) => () => {
    throw new Error(`${what} is not allowed in exercise code`);
  };
  const proc = process as unknown as Record<string, unknown>;
  proc.exit = refuse("process.exit()");
  proc.reallyExit = refuse("process.reallyExit()");
  proc.abort = refuse("process.abort()");
  proc.kill = refuse("process.kill()");
  proc._kill = refuse("process.kill()");
  // Exercise code gets no way to load a module: no require, no import() (vm-compiled
  // code has no dynamic import), and not the harness's own module either.
  delete proc.getBuiltinModule;
  proc.mainModule = undefined;
  // process.stdout's constructor (a SyncWriteStream) writes to any fd it is given;
  // the bindings and handle lists are other routes to descriptors.
  for (const name of ["stdout", "stderr", "stdin"]) {
    define(process, name, { value: inert, configurable: false, writable: false });
  }
  for (const name of ["binding", "_linkedBinding", "dlopen", "openStdin", "_getActiveHandles", "_getActiveRequests"]) {
    delete proc[name];
  }
  const global = globalThis as unknown as Record<string, unknown>;
  const quiet = create(null);
  for (const name of ["log", "info", "warn", "error", "debug", "trace", "dir", "table", "assert", "time", "timeEnd"]) {
    define(quiet, name, { value: () => {} });
  }
  define(globalThis, "console", { value: quiet, configurable: false, writable: false });
  // The harness never returns to the event loop, so a request could never be sent;
  // without the network's own wall (unshare), the clients go too.
  for (const name of ["fetch", "WebSocket", "EventSource", "Request", "Response", "Headers"]) delete global[name];
  // Error.prepareStackTrace hands out call sites, and with them the harness's own functions.
  define(Error, "prepareStackTrace", { value: undefined, writable: false, configurable: false });
  // A throw from a student's timer must not take the remaining cases down with it.
  process.on("uncaughtException", () => {});
  process.on("unhandledRejection", () => {});
}

/** Runs a CommonJS bundle; its file name is what stack traces show, for the grader to map back. */
function load(exercise: string, code: string): Module {
  const module = { exports: {} as Module };
  // Options without a prototype: compileFunction destructures them, and an Object.prototype
  // parsingContext or importModuleDynamically must not reach the next exercise's module.
  const options = { __proto__: null, filename: `${exercise}.js` } as { filename: string };
  const run = compileFunction(code, ["exports", "module"], options);
  run(module.exports, module);
  return module.exports;
}

function main(): void {
  const request = parse(readFileSync(0, "utf8")) as Request;
  const send = channel(RESULT_FD, request.secret);
  request.secret = "";
  const calls: Call[] = request.calls;
  const sources: Record<string, string> = request.modules;
  harden();
  send({ t: "ready" });
  // Null-prototype records, not Map and Set: student code may patch their methods.
  const modules: Record<string, Module> = create(null);
  const failed: Record<string, true> = create(null);
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    const { id, exercise, fn, args } = call;
    // A call may name another build of its exercise to run in (see protocol.ts).
    // Own properties only, here and below: an Object.prototype.module must not pick the module.
    const own = ownValue(call, "module", undefined);
    const key = typeof own === "string" ? own : exercise;
    // The grader already knows this module failed to load, and fails its cases itself.
    if (failed[key]) continue;
    let mod = modules[key];
    if (!mod) {
      try {
        mod = load(key, ownValue(sources, key, "") as string);
        put(modules, key, mod);
        send({ t: "imported", exercise: key });
      } catch (error) {
        put(failed, key, true);
        send({ t: "import-failed", exercise: key, error: describeError(error) });
        continue;
      }
    }
    try {
      const outcome = callCase(exercise, fn, mod, args);
      send(answer(outcome, args, ownValue(call, "pure", false) === true, id));
    } catch (error) {
      send({ t: "threw", id, error: describeError(error) });
    }
  }
  send({ t: "done" });
}

try {
  main();
} finally {
  // Never back to the event loop: no student timer, promise or request ever runs after the calls.
  realExit(0);
}
