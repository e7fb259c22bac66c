/**
 * Internal. The kit's plain-text notation (case names, mistake explanations: "W^[l+1] δ^[l+1]", "x^(i)") as
 * markdown in which each symbol with a layer or instance index is typeset with KaTeX, like the rule beside it.
 *
 * Safe on any text: the LaTeX is built only from a symbol table and an index of letters, digits, + and −;
 * everything else goes through `text`, so no command (\href, \url) can ever reach KaTeX.
 */
import { text } from "./markdown.ts";

/** Vectors and matrices are bold, as in the lecture; scalars and functions are not. */
const SYMBOLS: Record<string, string> = {
  δ: String.raw`\boldsymbol{\delta}`,
  ε: String.raw`\varepsilon`,
  η: String.raw`\eta`,
  σ: String.raw`\sigma`,
  ŷ: String.raw`\hat{\mathbf{y}}`,
  g: "g",
  n: "n",
  l: "l",
};

function symbol(base: string): string {
  if (SYMBOLS[base]) return SYMBOLS[base];
  // W, A, x, a, f, b, y, w: the kit's matrices and vectors.
  return String.raw`\mathbf{${base}}`;
}

// A symbol with a layer index W^[l+1] or an instance index x^(i), optionally primed (g′) or transposed (ᵀ).
const INDEXED = /([A-Za-zδεησŷ])(′?)\^([[(])([A-Za-z0-9]+(?:\s*[+\-−]\s*[A-Za-z0-9]+)?)([\])])(ᵀ?)/g;

function latex(base: string, prime: string, open: string, index: string, close: string, transposed: string): string {
  const i = index.replace(/\s+/g, "").replace(/−/g, "-");
  const sup = `{${open}${i}${close}}`;
  const p = prime ? "'" : "";
  const core = `${symbol(base)}${p}^${sup}`;
  return transposed ? `(${core})^{\\mathsf{T}}` : core;
}

/**
 * What markdown-it-katex asks of a `$`: one that opens must not follow a letter, digit, `_`, `$` or `\\`, and one that
 * closes must not come before a letter, digit or `_`. A formula glued to a word ("d$W$") is not one, and every `$`
 * after it pairs with the wrong partner, so whole sentences turn into garbled formulas.
 */
const GLUED_BEFORE = /[\w$\\]/;
const GLUED_AFTER = /\w/;

/** Kit text as markdown, with its indexed symbols typeset. */
export function mathText(s: string): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(INDEXED)) {
    const [whole, base, prime, open, index, close, transposed] = m;
    if ((open === "[") !== (close === "]")) continue;
    let start = m.index;
    let formula = latex(base, prime, open, index, close, transposed);
    // dW^[l], db^[l], dε/dW^[l]: a gradient's d is part of its symbol, as positionMath writes it.
    if (start > last && s[start - 1] === "d" && !/\w/.test(s[start - 2] ?? "")) {
      start -= 1;
      formula = `d${formula}`;
    }
    const before = out + text(s.slice(last, start));
    const end = m.index + whole.length;
    // Where no `$` can hold it, the symbol stays text: plain, but never a garbled sentence.
    if (GLUED_BEFORE.test(before.at(-1) ?? "") || GLUED_AFTER.test(s[end] ?? "")) continue;
    out = `${before}$${formula}$`;
    last = end;
  }
  return out + text(s.slice(last));
}

// A position in the lecture's notation, as the grader writes it: δ^[1]_2, W^[2]_{3,1}, a^[3].
const POSITION = /^(d?[A-Za-zδεησŷ])\^\[(\d{1,3})\](?:_(\d{1,4})|_\{(\d{1,4}),(\d{1,4})\})?$/;

/** A position typeset, or undefined when the text is not one (then show it as code). */
export function positionMath(at: string): string | undefined {
  const m = POSITION.exec(at);
  if (!m) return undefined;
  const [, name, layer, unit, row, col] = m;
  // dW^[l], db^[l]: a gradient, written d before the symbol as the lecture writes dW^[l].
  const sym = name.length === 2 ? `d${symbol(name[1])}` : symbol(name);
  const index = unit ? `_{${unit}}` : row ? `_{${row},${col}}` : "";
  return `$${sym}^{[${layer}]}${index}$`;
}
