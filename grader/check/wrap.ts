/**
 * Internal. Fits `check`'s text to the terminal: each line wrapped at spaces to the width (a continuation is indented
 * under the line's text), colour codes not counted, and for watch mode the screen's height.
 */

const ANSI = /\x1b\[[0-9;]*m/g;

/** Columns a string takes on screen: colour codes take none. Astral characters (𝐖) count as one. */
export function visibleLength(s: string): number {
  let n = 0;
  for (const _ of s.replace(ANSI, "")) n++;
  return n;
}

/**
 * The width to wrap to: $COLUMNS when set, else the terminal's; none when the output goes to a pipe or a file, so that
 * grep and scripts see whole lines.
 */
export function terminalWidth(stream: { columns?: number; isTTY?: boolean } = process.stdout): number | undefined {
  const env = Number(process.env.COLUMNS);
  const width = Number.isInteger(env) && env > 0 ? env : stream.isTTY ? stream.columns : undefined;
  return width === undefined ? undefined : Math.max(40, width);
}

/** A word cut into pieces of `first`, then `rest` columns (colour codes kept whole and not counted). */
function cut(word: string, first: number, rest: number): string[] {
  const parts: string[] = [];
  let part = "";
  let n = 0;
  for (const token of word.split(/(\x1b\[[0-9;]*m)/)) {
    if (token.startsWith("\x1b[")) {
      part += token;
      continue;
    }
    for (const char of token) {
      if (n === (parts.length === 0 ? first : rest)) {
        parts.push(part);
        part = "";
        n = 0;
      }
      part += char;
      n++;
    }
  }
  parts.push(part);
  return parts;
}

/** One line wrapped to `width` columns at spaces; continuations are indented two more than the line itself. */
export function wrapLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const indent = /^ */.exec(line)![0].length;
  const hang = " ".repeat(Math.min(indent + 2, Math.floor(width / 2)));
  const out: string[] = [];
  let current = " ".repeat(indent);
  let used = indent;
  let empty = true;
  const flush = () => {
    out.push(current);
    current = hang;
    used = hang.length;
    empty = true;
  };
  for (const word of line.slice(indent).split(" ")) {
    const len = visibleLength(word);
    if (!empty && used + 1 + len > width) flush();
    const gap = empty ? 0 : 1;
    if (used + gap + len > width) {
      // Longer than a whole line (a long path or value): cut where the line ends.
      const pieces = cut(word, width - used - gap, width - hang.length);
      current += (empty ? "" : " ") + pieces[0];
      for (const piece of pieces.slice(1)) {
        flush();
        current += piece;
        used += visibleLength(piece);
        empty = false;
      }
      empty = false;
      continue;
    }
    current += (empty ? "" : " ") + word;
    used += gap + len;
    empty = false;
  }
  if (!empty) out.push(current);
  return out;
}

export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, width))
    .join("\n");
}

/** At most `rows` lines: the rest is cut, with a last line saying so (`more`: how to see everything). */
export function fitRows(text: string, rows: number, more: string): string {
  const lines = text.split("\n");
  if (lines.length <= rows) return text;
  return [...lines.slice(0, Math.max(1, rows - 1)), more].join("\n");
}
