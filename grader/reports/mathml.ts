/**
 * Internal. KaTeX's MathML made to look right in MathML Core, which is what Chrome renders: Core ignores
 * `mathvariant` on a letter (bold, bold-italic, sans-serif, double-struck), so 𝐖 would show as a plain W. Such a
 * letter becomes its Unicode mathematical alphanumeric character instead, which every browser draws as meant, with
 * no font files: a page typeset this way reads the same attached to an e-mail as beside the results folder.
 */

/** First code points of each style's A, a, Α and α, where Unicode has them (see Unicode's Mathematical Alphanumeric Symbols). */
const STYLES: Record<
  string,
  { upper: number; lower: number; greekUpper?: number; greekLower?: number; digit?: number }
> = {
  bold: { upper: 0x1d400, lower: 0x1d41a, greekUpper: 0x1d6a8, greekLower: 0x1d6c2, digit: 0x1d7ce },
  italic: { upper: 0x1d434, lower: 0x1d44e, greekUpper: 0x1d6e2, greekLower: 0x1d6fc },
  "bold-italic": { upper: 0x1d468, lower: 0x1d482, greekUpper: 0x1d71c, greekLower: 0x1d736 },
  "sans-serif": { upper: 0x1d5a0, lower: 0x1d5ba, digit: 0x1d7e2 },
  "double-struck": { upper: 0x1d538, lower: 0x1d552, digit: 0x1d7d8 },
};

/** Letters Unicode placed in the Letterlike Symbols block before it had the full alphabets. */
const HOLES: Record<string, Record<string, string>> = {
  italic: { h: "ℎ" },
  "double-struck": { C: "ℂ", H: "ℍ", N: "ℕ", P: "ℙ", Q: "ℚ", R: "ℝ", Z: "ℤ" },
};

function styled(char: string, style: string): string | undefined {
  const s = STYLES[style];
  const hole = HOLES[style]?.[char];
  if (hole) return hole;
  const cp = char.codePointAt(0)!;
  const at = (base: number | undefined, offset: number) =>
    base === undefined ? undefined : String.fromCodePoint(base + offset);
  if (cp >= 0x41 && cp <= 0x5a) return at(s.upper, cp - 0x41);
  if (cp >= 0x61 && cp <= 0x7a) return at(s.lower, cp - 0x61);
  if (cp >= 0x30 && cp <= 0x39) return at(s.digit, cp - 0x30);
  if (cp >= 0x391 && cp <= 0x3a9 && cp !== 0x3a2) return at(s.greekUpper, cp - 0x391);
  if (cp >= 0x3b1 && cp <= 0x3c9) return at(s.greekLower, cp - 0x3b1);
  return undefined;
}

/** A run of letters in `style`, or undefined when one of them has no styled character. */
function restyle(text: string, style: string): string | undefined {
  if (!(style in STYLES)) return undefined;
  let out = "";
  for (const char of text) {
    const mapped = styled(char, style);
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

const VARIANT = /<(mi|mn|mtext)([^>]*?) mathvariant="([a-z-]+)"([^>]*)>([^<]+)<\/\1>/g;

/** KaTeX's MathML with every styled letter replaced by its Unicode character (see above). */
export function toMathCore(html: string): string {
  return html.replace(VARIANT, (whole, tag: string, before: string, style: string, after: string, text: string) => {
    const mapped = restyle(text, style);
    // `normal` keeps a lone letter upright, as the style's character already is.
    return mapped === undefined ? whole : `<${tag}${before} mathvariant="normal"${after}>${mapped}</${tag}>`;
  });
}
