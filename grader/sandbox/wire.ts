/**
 * Internal. How values cross the process boundary as JSON.
 *
 * JSON has no NaN, ±Infinity or undefined, yet those are exactly what a wrong
 * answer often contains, and a failure message must be able to say "received NaN".
 * They travel as small tagged objects and are restored on the trusted side.
 */

import {
  arrayFrom,
  create,
  hasOwn,
  isArray,
  isDataView,
  isProxy,
  isView,
  ownKeys,
  ownValue,
  put,
  toText,
  viewLength,
} from "./intrinsics.ts";
import { MAX_WIRE_DEPTH } from "./protocol.ts";

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

const TAG = "$bpk";
const MAX_DEPTH = MAX_WIRE_DEPTH;

// Everything below runs after student code has loaded: it uses the built-ins captured
// in intrinsics.ts and plain syntax only, so patched globals in a submission can only
// corrupt that submission's own answers, never this encoder or the purity snapshots.

/** A fresh object with no prototype: nothing inherited can intercept its keys. */
function record(): { [key: string]: Wire } {
  return create(null) as { [key: string]: Wire };
}

/**
 * Stands in, among arguments read back for a purity check, for a part the call replaced
 * (a layer's W reassigned, say): snapshot() reports it as changed.
 */
export const CHANGED: object = Object.freeze(Object.create(null));

/** The wire form of an argument that changed in a way plain data cannot show. */
export const CHANGED_WIRE: Wire = { [TAG]: "changed" };

/** Values and entries encoded per call at most: an honest answer has a few hundred, and 4 MiB of JSON fewer than this. */
const MAX_NODES = 1_000_000;
let nodesLeft = 0;

/** Encodes any value the student returned into JSON-safe form. */
export function toWire(value: unknown): Wire {
  nodesLeft = MAX_NODES;
  return encode(value, 0);
}

function encode(value: unknown, depth: number): Wire {
  if (depth > MAX_DEPTH) return { [TAG]: "too-deep" };
  if (--nodesLeft < 0) return { [TAG]: "too-large" };
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
      return { [TAG]: "bigint", value: toText(value) };
    case "function":
      return { [TAG]: "function" };
    case "symbol":
      return { [TAG]: "symbol" };
  }
  if (value === null) return null;
  if (typeof (value as { then?: unknown }).then === "function") return { [TAG]: "promise" };
  if (isView(value) && !isDataView(value)) {
    // A Float64Array is a vector in every way that matters here.
    const view = value as unknown as ArrayLike<number>;
    return list(viewLength(view), (i) => encode(view[i], depth + 1));
  }
  if (isArray(value)) return list(value.length, (i) => encode(value[i], depth + 1));
  const out = record();
  const keys = ownKeys(value as object);
  for (let i = 0; i < keys.length && nodesLeft >= 0; i++) {
    out[keys[i]] = encode((value as Record<string, unknown>)[keys[i]], depth + 1);
  }
  return nodesLeft >= 0 ? out : { [TAG]: "too-large" };
}

/**
 * A fresh array of `length` entries. Array.from defines its entries rather than assigning
 * them, so a setter on Array.prototype cannot swallow one; the array-like it reads has no
 * prototype, so no patched iterator is consulted either.
 */
function list(length: number, entry: (i: number) => Wire): Wire {
  if (length > nodesLeft) {
    nodesLeft = -1;
    return { [TAG]: "too-large" };
  }
  const like = create(null) as { length: number };
  like.length = length;
  const out = arrayFrom(like, (_: unknown, i: number) => (nodesLeft >= 0 ? entry(i) : null));
  return nodesLeft >= 0 ? out : { [TAG]: "too-large" };
}

/**
 * Wire form of a call's arguments after the call, to tell on the trusted side whether it
 * changed them. It reads only plain data: a getter or a Proxy that student code put among the
 * arguments is reported as such (and so as a change) instead of being asked for a value.
 */
export function snapshot(value: unknown, depth = 0): Wire {
  if (depth === 0) nodesLeft = MAX_NODES;
  if (value === CHANGED) return CHANGED_WIRE;
  if (value === null || typeof value !== "object") return encode(value, depth);
  if (--nodesLeft < 0) return { [TAG]: "too-large" };
  if (depth > MAX_DEPTH) return { [TAG]: "too-deep" };
  if (isProxy(value)) return { [TAG]: "proxy" };
  const read = (key: string | number): Wire => {
    const slot = ownValue(value, key, ACCESSOR);
    return slot === ACCESSOR ? { [TAG]: "accessor" } : snapshot(slot, depth + 1);
  };
  if (isArray(value)) {
    // Own keys beyond the indexes (a property added to an argument) count as a change too.
    const extra = ownKeys(value).length - value.length;
    return extra === 0 ? list(value.length, read) : CHANGED_WIRE;
  }
  const keys = ownKeys(value);
  const out = record();
  for (let i = 0; i < keys.length && nodesLeft >= 0; i++) out[keys[i]] = read(keys[i]);
  return nodesLeft >= 0 ? out : { [TAG]: "too-large" };
}

/** What ownValue gives for a property that has a getter instead of a value. */
const ACCESSOR = Object.freeze(Object.create(null));

/** Whether two wires (as the harness builds them: arrays and prototype-less records) are equal. */
export function sameWire(a: Wire, b: Wire): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a !== a && b !== b;
  if (isArray(a) || isArray(b)) {
    if (!isArray(a) || !isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameWire(a[i], b[i])) return false;
    return true;
  }
  const keys = ownKeys(a);
  if (keys.length !== ownKeys(b).length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (!hasOwn(b, keys[i]) || !sameWire(a[keys[i]], (b as Record<string, Wire>)[keys[i]])) return false;
  }
  return true;
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
              : tag === "too-large"
                ? "a value too large to check"
                : `a ${tag}`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) put(out, key, fromWire(value, depth + 1));
    return out;
  }
  return wire;
}
