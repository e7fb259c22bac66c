/** Internal. Short, human descriptions of values for failure messages. */
import { Opaque } from "../sandbox/wire.ts";

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return n.toExponential(6).replace(/\.?0+e/, "e");
  return String(Number(n.toPrecision(7)));
}

export function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === "number");
}

export function isMatrix(v: unknown): v is number[][] {
  return Array.isArray(v) && v.length > 0 && v.every(isNumberArray);
}

/** [rows, cols] of a rectangular matrix, or undefined when ragged. */
export function matrixShape(v: number[][]): [number, number] | undefined {
  const cols = v[0].length;
  return v.every((row) => row.length === cols) ? [v.length, cols] : undefined;
}

/** Descriptions name at most this many of an object's keys, each cut short: keys are the student's text. */
const MAX_KEYS = 8;
const keyName = (k: string) => (k.length > 30 ? `${k.slice(0, 30)}…` : k);

/** "a 3×2 matrix", "a vector of length 3", "the number 0.5", "NaN", "undefined", … */
export function describeValue(v: unknown): string {
  if (v instanceof Opaque) return v.kind;
  if (v === undefined) return "undefined (did the function return?)";
  if (v === null) return "null";
  if (typeof v === "number") return Number.isFinite(v) ? `the number ${formatNumber(v)}` : formatNumber(v);
  if (typeof v === "boolean") return `the boolean ${v}`;
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  if (isMatrix(v)) {
    const shape = matrixShape(v);
    const lengths = v.slice(0, 8).map((r) => r.length);
    return shape
      ? `a ${shape[0]}×${shape[1]} matrix`
      : `a ragged matrix with rows of length ${lengths.join(", ")}${v.length > 8 ? ", …" : ""}`;
  }
  if (isNumberArray(v)) return `a vector of length ${v.length}`;
  if (Array.isArray(v)) return `a list of ${v.length} ${v.length === 1 ? "entry" : "entries"}`;
  const keys = Object.keys(v as object);
  if (keys.length === 0) return "an empty object";
  const named = keys.slice(0, MAX_KEYS).map(keyName);
  return `an object with ${named.join(", ")}${keys.length > MAX_KEYS ? `, … (${keys.length} keys)` : ""}`;
}

/** A brief rendering of a value: numbers to 4 significant digits, long lists cut. */
export function brief(v: unknown, budget = 6): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : formatNumber(v);
  if (Array.isArray(v)) {
    const shown = v.slice(0, budget).map((x) => brief(x, Math.max(2, Math.floor(budget / 2))));
    return `[${shown.join(", ")}${v.length > budget ? `, … (${v.length})` : ""}]`;
  }
  if (v instanceof Opaque || v === null || v === undefined || typeof v !== "object") return describeValue(v);
  const layer = v as { W?: unknown; activation?: unknown };
  if (isMatrix(layer.W) && typeof layer.activation === "string") {
    const shape = matrixShape(layer.W);
    return `${shape ? `${shape[0]}→${shape[1]}` : "?"} ${layer.activation}`;
  }
  const entries = Object.entries(v);
  const shown = entries.slice(0, MAX_KEYS).map(([k, x]) => `${keyName(k)}: ${brief(x, budget)}`);
  return `{${shown.join(", ")}${entries.length > MAX_KEYS ? ", …" : ""}}`;
}

/** The input of a case in brief: "layers: [3→4 sigmoid, 4→2 identity], x: [0.1, …]". */
export function briefArgs(names: readonly string[] | undefined, args: unknown[]): string {
  return args.map((a, i) => (names?.[i] ? `${names[i]} = ${brief(a)}` : brief(a))).join(", ");
}
