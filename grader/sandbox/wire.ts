/**
 * Internal. How values cross the process boundary as JSON.
 *
 * JSON has no NaN, ±Infinity or undefined, yet those are exactly what a wrong
 * answer often contains, and a failure message must be able to say "received NaN".
 * They travel as small tagged objects and are restored on the trusted side.
 */

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

const TAG = "$bpk";
const MAX_DEPTH = 64;

// Captured once, before any student module loads, so that patched globals in a
// submission can only corrupt that submission's own outputs, not this encoder.
const isArray = Array.isArray;
const ownKeys = Object.keys;
const isView = ArrayBuffer.isView;

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
    for (let i = 0; i < view.length; i++) out[i] = toWire(view[i], depth + 1);
    return out;
  }
  if (isArray(value)) {
    const out: Wire[] = [];
    for (let i = 0; i < value.length; i++) out[i] = toWire(value[i], depth + 1);
    return out;
  }
  const out: { [key: string]: Wire } = {};
  for (const key of ownKeys(value as object)) {
    out[key] = toWire((value as Record<string, unknown>)[key], depth + 1);
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

/** Decodes wire form back into values, turning tags into NaN, ±Infinity or an Opaque. */
export function fromWire(wire: unknown): unknown {
  if (isArray(wire)) return wire.map(fromWire);
  if (wire !== null && typeof wire === "object") {
    const record = wire as Record<string, unknown>;
    const tag = record[TAG];
    if (typeof tag === "string") {
      if (tag === "NaN") return NaN;
      if (tag === "Infinity") return Infinity;
      if (tag === "-Infinity") return -Infinity;
      if (tag === "undefined") return undefined;
      return new Opaque(
        tag === "promise" ? "a Promise" : tag === "too-deep" ? "a value nested too deeply" : `a ${tag}`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) out[key] = fromWire(value);
    return out;
  }
  return wire;
}
