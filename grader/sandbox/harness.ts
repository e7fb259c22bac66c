/**
 * Internal. The program that runs inside the sandbox: it loads a submission's
 * compiled exercise modules and calls them on the cases' inputs.
 *
 * It holds no expected values, no checks and no reference code: only inputs go
 * in and only outputs come out (see protocol.ts).
 */
import { readFileSync, writeSync } from "node:fs";
import { compileFunction } from "node:vm";
import { call as callCase, type Called, type Module } from "./adapters.ts";
import { ownValue, put } from "./intrinsics.ts";
import {
  MAX_ERROR_MESSAGE,
  MAX_ERROR_NAME,
  MAX_MESSAGE_BYTES,
  NOT_IMPLEMENTED,
  RESULT_FD,
  type Call,
  type ErrorInfo,
  type Message,
  type Request,
} from "./protocol.ts";
import { CHANGED_WIRE, sameWire, snapshot, toWire, type Wire } from "./wire.ts";

// Primordials, captured before student code can patch them. Student code may
// patch JSON, Object.prototype (setters included), Array.prototype, Map, Buffer
// or fs: that may corrupt its own answers, never the messages that carry them.
const stringify = JSON.stringify;
const parse = JSON.parse;
const ownKeys = Object.keys;
const isArray = Array.isArray;
const create = Object.create;
const define = Object.defineProperty;
const bufferFrom = Buffer.from;
const write = writeSync;
const wait = Atomics.wait;
const realExit = (process as unknown as { reallyExit: (code: number) => never }).reallyExit.bind(process);
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** JSON text of wire data, without JSON.stringify's toJSON lookups on objects and arrays. */
function serialize(value: unknown): string {
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return stringify(value); // primitives never consult toJSON
  if (isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + serialize(value[i]);
    return out + "]";
  }
  let out = "{";
  const keys = ownKeys(value as object);
  for (let i = 0; i < keys.length; i++) {
    out += (i > 0 ? "," : "") + stringify(keys[i]) + ":" + serialize((value as Record<string, unknown>)[keys[i]]);
  }
  return out + "}";
}

/**
 * The only writer of fd 3. Every line starts with the run's secret, which lives
 * only in this closure: student code cannot read it, so it cannot forge a line.
 */
function sender(secret: string): (message: Message) => void {
  return (message) => {
    let line = secret + serialize(message) + "\n";
    if (line.length > MAX_MESSAGE_BYTES && "id" in message) {
      const error = {
        name: "OutputTooLarge",
        message: "the returned value is larger than 4 MiB",
        notImplemented: false,
      };
      line = secret + serialize({ t: "threw", id: message.id, error } satisfies Message) + "\n";
    }
    let buffer = bufferFrom(line);
    while (buffer.length > 0) {
      try {
        buffer = buffer.subarray(write(RESULT_FD, buffer));
      } catch (error) {
        // fd 3 may be non-blocking; wait for the grader to drain it.
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        wait(sleeper, 0, 0, 2);
      }
    }
  };
}

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function describeError(error: unknown): ErrorInfo {
  try {
    return describe(error);
  } catch {
    // Even describing the error can fail when the student has patched RegExp or String.
    return { name: "Error", message: "threw an error that could not be described", notImplemented: false };
  }
}

function describe(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const message = clip(String(error.message), MAX_ERROR_MESSAGE);
    // The first frame in an exercise bundle (not in the harness or node's internals).
    const frame = /(\d\d-[\w-]+)\.js:(\d+):(\d+)/.exec(String(error.stack ?? ""));
    return {
      name: clip(String(error.name), MAX_ERROR_NAME),
      message,
      notImplemented: NOT_IMPLEMENTED.test(message),
      ...(frame ? { frame: { bundle: frame[1], line: Number(frame[2]), column: Number(frame[3]) } } : {}),
    };
  }
  return {
    name: "thrown value",
    message: clip(`threw ${typeof error === "string" ? stringify(error) : String(error)}`, MAX_ERROR_MESSAGE),
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
  const run = compileFunction(code, ["exports", "module"], { filename: `${exercise}.js` });
  run(module.exports, module);
  return module.exports;
}

function main(): void {
  const request = parse(readFileSync(0, "utf8")) as Request;
  const send = sender(request.secret);
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
    const key = typeof call.module === "string" ? call.module : exercise;
    // The grader already knows this module failed to load, and fails its cases itself.
    if (failed[key]) continue;
    let mod = modules[key];
    if (!mod) {
      try {
        mod = load(key, sources[key]);
        define(modules, key, { value: mod });
        send({ t: "imported", exercise: key });
      } catch (error) {
        define(failed, key, { value: true });
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
