/**
 * Internal. Text that a submission can influence (error messages, compile
 * messages, file names, roster names) is cleaned before it reaches a file or
 * a terminal: a terminal obeys escape sequences, so ESC, BEL and the rest of
 * C0 and C1 could move the cursor, rewrite earlier lines or retitle the
 * window. Bidirectional overrides, which can make text read other than it
 * is, go too.
 */

// C0 but tab and newline, DEL, C1, the bidi embeddings, overrides and isolates, the bidi marks (LRM, RLM,
// the Arabic letter mark) and the Unicode line and paragraph separators (line breaks to JavaScript, not to a reader).
const INVISIBLE = "\\u0080-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
const CONTROLS_KEEPING_LINES = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f${INVISIBLE}]`, "g");
const CONTROLS = new RegExp(`[\\u0000-\\u001f\\u007f${INVISIBLE}]`, "g");
/** The same characters, for a test: every string either strip changes holds one (\r and \n included). */
const ANY_CONTROL = new RegExp(CONTROLS.source);
/** What may not appear raw in any file the grader writes, even inside JSON strings: C1 and the bidi controls. */
export const RAW_FORBIDDEN = new RegExp(`[${INVISIBLE}]`, "g");

/** Removes control characters; keeps newlines and tabs (and turns \r\n into \n) unless `oneLine`. */
export function stripControls(s: string, oneLine = false): string {
  // Most text has nothing to remove: one scan, and no copies.
  if (!ANY_CONTROL.test(s)) return s;
  if (oneLine) return s.replace(/\s*[\r\n]+\s*/g, " ").replace(CONTROLS, "");
  return s.replace(/\r\n?/g, "\n").replace(CONTROLS_KEEPING_LINES, "");
}

/** Every string in a JSON-like value with its control characters removed (lines kept); keys in `keep` left as they are. */
export function stripControlsDeep<T>(value: T, keep: ReadonlySet<string> = new Set()): T {
  if (typeof value === "string") return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripControlsDeep(v, keep)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[stripControls(k, true)] = keep.has(k) ? v : stripControlsDeep(v, keep);
    return out as T;
  }
  return value;
}

/** JSON text with C1 and bidi characters written as \\u escapes: the same data, nothing invisible in the file. */
export function escapeInvisibleJson(json: string): string {
  return json.replace(RAW_FORBIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Control and bidi characters shown as [U+202E], for code shown to a reader (a Trojan Source comment shows). */
export function showControls(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(CONTROLS_KEEPING_LINES, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`);
}

/** Cuts long text, saying how much was left out. */
export function clipText(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;
}

/** One line for the terminal: no control characters, at most `max` characters. */
export function terminalText(s: string, max = 2000): string {
  return clipText(stripControls(s, true), max);
}
