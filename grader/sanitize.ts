/**
 * Internal. Text that a submission can influence (error messages, compile
 * messages, file names, roster names) is cleaned before it reaches a file or
 * a terminal: a terminal obeys escape sequences, so ESC, BEL and the rest of
 * C0 and C1 could move the cursor, rewrite earlier lines or retitle the
 * window. Bidirectional overrides, which can make text read other than it
 * is, go too.
 */

// C0 but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates.
const CONTROLS_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control characters; keeps newlines and tabs (and turns \r\n into \n) unless `oneLine`. */
export function stripControls(s: string, oneLine = false): string {
  if (oneLine) return s.replace(/\s*[\r\n]+\s*/g, " ").replace(CONTROLS, "");
  return s.replace(/\r\n?/g, "\n").replace(CONTROLS_KEEPING_LINES, "");
}

/** Cuts long text, saying how much was left out. */
export function clipText(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;
}

/** One line for the terminal: no control characters, at most `max` characters. */
export function terminalText(s: string, max = 2000): string {
  return clipText(stripControls(s, true), max);
}
