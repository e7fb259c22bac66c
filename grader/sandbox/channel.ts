/**
 * Internal. The harness's only writer of fd 3: messages as JSON lines, each
 * prefixed with the run's secret.
 *
 * Student code shares this process and may have replaced any built-in by the
 * time a message is sent, so the channel needs none it could reach: it writes its
 * own JSON and its own UTF-8 into a buffer it owns, and hands that buffer to the
 * fs.writeSync captured at start. The secret and every line stay in this closure.
 * No Buffer, TextEncoder, String, Number.prototype or typed-array getter is used:
 * those are what a submission patched to read the secret or rewrite its own counts.
 */
import { constants } from "node:os";
import { MAX_MESSAGE_BYTES, type Message } from "./protocol.ts";
import {
  charCodeAt,
  define,
  hasOwn,
  isArray,
  ObjectPrototype,
  ownKeys,
  ownValue,
  put,
  setPrototypeOf,
  stringify,
  wait,
  write,
} from "./intrinsics.ts";

const CHUNK = 1 << 16;
/** libuv's error number for a full non-blocking pipe. */
const EAGAIN = -constants.errno.EAGAIN;

/**
 * JSON text of a message (wire data inside: arrays and prototype-less records the harness
 * built). Numbers become text by the language's own ToString (`"" + n`): it consults no
 * global, prototype or method, and for finite numbers it is exactly JSON's form. Strings
 * go through the JSON.stringify captured at start, which for a string primitive consults
 * nothing either.
 */
function serialize(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return "" + value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return stringify(value);
  if (isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + serialize(value[i]);
    return out + "]";
  }
  if (typeof value !== "object") return "null";
  let out = "{";
  const keys = ownKeys(value);
  for (let i = 0; i < keys.length; i++) {
    out += (i > 0 ? "," : "") + stringify(keys[i]) + ":" + serialize((value as Record<string, unknown>)[keys[i]]);
  }
  return out + "}";
}

/**
 * fs.writeSync hands a fresh `{}` to the binding and then reads its `errno` and `error`: an
 * Object.prototype getter for either would make every successful write look failed (and
 * the harness resend or die). These guards, defined before student code runs and not
 * configurable, keep those two reads honest: a read with no own property gives undefined,
 * an assignment defines an own property, as if nothing were there.
 */
function guardWriteContext(): void {
  for (const name of ["errno", "error"]) {
    if (hasOwn(ObjectPrototype, name)) continue;
    define(ObjectPrototype, name, {
      __proto__: null,
      configurable: false,
      enumerable: false,
      get: () => undefined,
      set(this: object, value: unknown) {
        put(this, name, value);
      },
    } as PropertyDescriptor);
  }
}

/** Whether a failed write only met a full pipe, read from the error's own data, not its getters. */
function pipeIsFull(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  return ownValue(error, "errno", undefined) === EAGAIN;
}

/** The sender of messages on `fd`, each line prefixed with `secret`. Call before student code runs. */
export function channel(fd: number, secret: string): (message: Message) => void {
  guardWriteContext();
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  // No prototype, and its byteLength (which fs.writeSync reads) an own constant: no getter
  // student code defines on typed arrays is ever asked about this buffer.
  const chunk = new Uint8Array(CHUNK);
  setPrototypeOf(chunk, null);
  define(chunk, "byteLength", { __proto__: null, value: CHUNK } as PropertyDescriptor);
  let used = 0;

  const flush = () => {
    let at = 0;
    while (at < used) {
      try {
        at += write(fd, chunk, at, used - at, null);
      } catch (error) {
        // fd 3 may be non-blocking; wait for the grader to drain it.
        if (!pipeIsFull(error)) throw error;
        wait(sleeper, 0, 0, 2);
      }
    }
    used = 0;
  };

  /** UTF-8, as Buffer.from would write it (a lone surrogate becomes U+FFFD). */
  const text = (s: string) => {
    const n = s.length;
    for (let i = 0; i < n; i++) {
      if (used > CHUNK - 4) flush();
      let c = charCodeAt(s, i);
      if (c < 0x80) {
        chunk[used++] = c;
      } else if (c < 0x800) {
        chunk[used++] = 0xc0 | (c >> 6);
        chunk[used++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const d = charCodeAt(s, i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            const point = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            chunk[used++] = 0xf0 | (point >> 18);
            chunk[used++] = 0x80 | ((point >> 12) & 0x3f);
            chunk[used++] = 0x80 | ((point >> 6) & 0x3f);
            chunk[used++] = 0x80 | (point & 0x3f);
            i++;
            continue;
          }
        }
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        chunk[used++] = 0xe0 | (c >> 12);
        chunk[used++] = 0x80 | ((c >> 6) & 0x3f);
        chunk[used++] = 0x80 | (c & 0x3f);
      }
    }
  };

  return (message) => {
    let body = serialize(message);
    if (body.length > MAX_MESSAGE_BYTES) {
      const id = ownValue(message, "id", undefined);
      if (typeof id !== "string") return; // only a call's answer can grow; there is nothing else to send
      const error = {
        name: "OutputTooLarge",
        message: "the returned value is larger than 4 MiB",
        notImplemented: false,
      };
      body = serialize({ t: "threw", id, error } satisfies Message);
    }
    text(secret);
    text(body);
    if (used === CHUNK) flush();
    chunk[used++] = 0x0a;
    flush();
  };
}
