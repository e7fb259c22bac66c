/**
 * Internal. How values cross the process boundary as JSON.
 *
 * JSON has no NaN, ±Infinity or undefined, yet those are exactly what a wrong
 * answer often contains, and a failure message must be able to say "received NaN".
 * They travel as small tagged objects and are restored on the trusted side.
 */

import { types } from "node:util";
import { MAX_WIRE_DEPTH } from "./protocol.ts";

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

const TAG = "$bpk";
const MAX_DEPTH = MAX_WIRE_DEPTH;

// Captured once, before any student module loads, so that patched globals in a
// submission can only corrupt that submission's own outputs, not this encoder.
const isArray = Array.isArray;
const ownKeys = Object.keys;
const isView = ArrayBuffer.isView;
const create = Object.create;
const define = Object.defineProperty;
const describe = Object.getOwnPropertyDescriptor;
const isProxy = types.isProxy;

/**
 * Sets a property by definition, not assignment: a setter that student code put on
 * Object.prototype or Array.prototype (for "0", or "gPrimeCalls") must not swallow it.
 */
function put(target: object, key: string | number, value: unknown): void {
  define(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A fresh object with no prototype: nothing inherited can intercept its keys. */
function record(): { [key: string]: Wire } {
  return create(null) as { [key: string]: Wire };
}

/** Encodes any value the student returned into JSON-safe form. */
export function toWire(value: unknown, depth = 0): Wire {
  if (depth > MAX_DEPTH) return { [TAG]: "too-deep" };
  switch (typeof value) {
    case "number":
      if (value === value && value !== Infinity && value !== -Infinity) return value;
      return { [TAG]: value !== value ? "NaN" : value > 0 ? "Infinity" : "-Infinity" };
    case "boolean":
    case "string":
      return value;
    case "undefined":
      return { [TAG]: "undefined" };
    case "bigint":
      return { [TAG]: "bigint", value: String(value) };
    case "function":
      return { [TAG]: "function" };
    case "symbol":
      return { [TAG]: "symbol" };
  }
  if (value === null) return null;
  if (typeof (value as { then?: unknown }).then === "function") return { [TAG]: "promise" };
  if (isView(value) && !(value instanceof DataView)) {
    // A Float64Array is a vector in every way that matters here.
    const out: Wire[] = [];
    const view = value as unknown as ArrayLike<number>;
    for (let i = 0; i < view.length; i++) put(out, i, toWire(view[i], depth + 1));
    return out;
  }
  if (isArray(value)) {
    const out: Wire[] = [];
    for (let i = 0; i < value.length; i++) put(out, i, toWire(value[i], depth + 1));
    return out;
  }
  const out = record();
  const keys = ownKeys(value as object);
  for (let i = 0; i < keys.length; i++) {
    put(out, keys[i], toWire((value as Record<string, unknown>)[keys[i]], depth + 1));
  }
  return out;
}

/**
 * Wire form of a call's arguments after the call, to tell on the trusted side whether it
 * changed them. It reads only plain data: a getter or a Proxy that student code put among the
 * arguments is reported as such (and so as a change) instead of being asked for a value.
 */
export function snapshot(value: unknown, depth = 0): Wire {
  if (value === null || typeof value !== "object") return toWire(value, depth);
  if (depth > MAX_DEPTH) return { [TAG]: "too-deep" };
  if (isProxy(value)) return { [TAG]: "proxy" };
  const keys = ownKeys(value);
  const out: Wire[] | { [key: string]: Wire } = isArray(value) ? [] : record();
  for (let i = 0; i < keys.length; i++) {
    const slot = describe(value, keys[i]);
    put(out, keys[i], !slot || !("value" in slot) ? { [TAG]: "accessor" } : snapshot(slot.value, depth + 1));
  }
  return out;
}

/** A value that cannot be a number, vector or matrix, kept so messages can name it. */
export class Opaque {
  constructor(readonly kind: string) {}
  toString(): string {
    return this.kind;
  }
}

/**
 * Decodes wire form back into values, turning tags into NaN, ±Infinity or an Opaque.
 * Keys are defined, never assigned, so a key "__proto__" stays a plain key.
 */
export function fromWire(wire: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH + 2) return new Opaque("a value nested too deeply");
  if (isArray(wire)) return wire.map((item) => fromWire(item, depth + 1));
  if (wire !== null && typeof wire === "object") {
    const record = wire as Record<string, unknown>;
    const tag = record[TAG];
    if (typeof tag === "string") {
      if (tag === "NaN") return NaN;
      if (tag === "Infinity") return Infinity;
      if (tag === "-Infinity") return -Infinity;
      if (tag === "undefined") return undefined;
      return new Opaque(
        tag === "promise"
          ? "a Promise"
          : tag === "too-deep"
            ? "a value nested too deeply"
            : tag === "accessor"
              ? "a getter"
              : `a ${tag}`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) put(out, key, fromWire(value, depth + 1));
    return out;
  }
  return wire;
}
