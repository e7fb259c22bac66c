/**
 * Internal. The program that runs inside the sandbox: it loads a submission's
 * compiled exercise modules and calls them on the cases' inputs.
 *
 * It holds no expected values, no checks and no reference code: only inputs go
 * in and only outputs come out (see protocol.ts).
 */
import { readFileSync, writeSync } from "node:fs";
import { compileFunction } from "node:vm";
import { invoke, type Module } from "./adapters.ts";
import {
  MAX_MESSAGE_BYTES,
  NOT_IMPLEMENTED,
  RESULT_FD,
  type ErrorInfo,
  type Message,
  type Request,
} from "./protocol.ts";
import { toWire } from "./wire.ts";

// Primordials, captured before student code can patch them. Student code may
// patch JSON, Object.prototype.toJSON, Array.prototype, Buffer or fs: that may
// corrupt its own answers, never the messages that carry them.
const stringify = JSON.stringify;
const parse = JSON.parse;
const ownKeys = Object.keys;
const isArray = Array.isArray;
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

function send(message: Message): void {
  let line = serialize(message) + "\n";
  if (line.length > MAX_MESSAGE_BYTES && "id" in message) {
    const error = { name: "OutputTooLarge", message: "the returned value is larger than 4 MiB", notImplemented: false };
    line = serialize({ t: "threw", id: message.id, error } satisfies Message) + "\n";
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
    const message = String(error.message).slice(0, 4000);
    // The first frame in an exercise bundle (not in the harness or node's internals).
    const frame = /(\d\d-[\w-]+)\.js:(\d+):(\d+)/.exec(String(error.stack ?? ""));
    return {
      name: String(error.name),
      message,
      notImplemented: NOT_IMPLEMENTED.test(message),
      ...(frame ? { frame: { bundle: frame[1], line: Number(frame[2]), column: Number(frame[3]) } } : {}),
    };
  }
  return {
    name: "thrown value",
    message: `threw ${typeof error === "string" ? stringify(error) : String(error)}`,
    notImplemented: false,
  };
}

/** Exercise code has no business ending or signalling processes; make that an ordinary error. */
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
  harden();
  send({ t: "ready" });
  const modules = new Map<string, Module>();
  const failed = new Set<string>();
  for (const call of request.calls) {
    // The grader already knows this exercise failed to load, and fails its cases itself.
    if (failed.has(call.exercise)) continue;
    let mod = modules.get(call.exercise);
    if (!mod) {
      try {
        mod = load(call.exercise, request.modules[call.exercise]);
        modules.set(call.exercise, mod);
        send({ t: "imported", exercise: call.exercise });
      } catch (error) {
        failed.add(call.exercise);
        send({ t: "import-failed", exercise: call.exercise, error: describeError(error) });
        continue;
      }
    }
    try {
      const { value, meta } = invoke(call.exercise, call.fn, mod, call.args);
      send({ t: "ok", id: call.id, value: toWire(value), meta: toWire(meta) });
    } catch (error) {
      send({ t: "threw", id: call.id, error: describeError(error) });
    }
  }
  send({ t: "done" });
  realExit(0);
}

main();
