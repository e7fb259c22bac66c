/**
 * Every symbol the kit's own text typesets becomes one formula, and nothing else does. markdown-it-katex takes a `$`
 * glued to a word ("Your d$b^{[2]}$") for a dollar sign, and then pairs each later `$` with the wrong partner: the
 * sentence between two formulas turns into one, and the formulas into raw LaTeX. So each text is rendered and its
 * formulas counted: as many as mathText wrote, and no `$` or LaTeX left in what the student reads.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { RULE, relationText } from "../misconceptions/relation-text.ts";
import { renderInline } from "../reports/markdown.ts";
import { mathText } from "../reports/notation.ts";

const manifest = loadManifest();

/** The formulas a markdown source holds: its unescaped `$`, in pairs. */
const formulasIn = (markdown: string) => (markdown.replace(/\\\$/g, "").match(/\$/g) ?? []).length / 2;

/** What the student reads: the HTML without its formulas and tags. */
const readable = (html: string) => html.replace(/<math[\s\S]*?<\/math>/g, "").replace(/<[^>]+>/g, "");

function rendered(s: string) {
  const markdown = mathText(s);
  const html = renderInline(markdown);
  return { markdown, html, formulas: (html.match(/<math/g) ?? []).length };
}

// Each relation the diagnosis can name, read from relationText's own switch so that a new one is covered too.
const relations = [
  ...readFileSync(new URL("../misconceptions/relation-text.ts", import.meta.url), "utf8").matchAll(/case "([\w-]+)":/g),
].map((m) => m[1]);
const subjects = [
  "Your W^[2]",
  "Your dW^[1]",
  "Your db^[2]",
  "Your δ^[1]",
  "Your a^[2]",
  "Your x^(3)",
  "Your dε/dW^[2]",
];

/** Every text of the kit's that goes through mathText, by where it comes from. */
const sources: { source: string; texts: string[] }[] = [
  {
    source: "the catalogue's names and explanations, carried ones too",
    texts: CATALOGUE.flatMap((m) => [m.name, m.explanation, ...(m.carried ?? []).map((k) => k.explanation)]),
  },
  { source: "the rules", texts: Object.values(RULE) },
  ...relations.map((rel) => ({
    source: `the relation ${rel}, for every function and subject`,
    texts: Object.keys(RULE).flatMap((fn) =>
      subjects.flatMap((q) => {
        const { name, why } = relationText({ rel, k: 2, offset: 1 }, fn, q, true);
        return [name, why];
      }),
    ),
  })),
  {
    source: "the exercises' titles and hints",
    texts: manifest.exercises.flatMap((e) => [e.title, ...e.hints.map((h) => h.text)]),
  },
  { source: "the cases' names", texts: loadCases(manifest, { visibility: ["public", "hidden"] }).map((c) => c.name) },
];

/** Each text whose formulas are not what mathText wrote, or that leaves a `$` or LaTeX to read: none. */
function mistyped(texts: string[]): { text: string; markdown: string }[] {
  return [...new Set(texts)]
    .map((text) => ({ text, ...rendered(text) }))
    .filter((r) => r.formulas !== formulasIn(r.markdown) || /\$|\\math|\\boldsymbol/.test(readable(r.html)))
    .map(({ text, markdown }) => ({ text, markdown }));
}

describe("the kit's text in the lecture's notation", () => {
  it(`covers every relation (${relations.length})`, () => {
    expect(relations.length).toBeGreaterThan(20);
  });

  it.each(sources)("typesets each symbol alone: $source", ({ texts }) => {
    expect(texts.length).toBeGreaterThan(0);
    expect(mistyped(texts)).toEqual([]);
  });
});

describe("a symbol next to other text", () => {
  it.each([
    { text: "Your db^[2] lacks g′(f^[l]): δ^[l] = g′(f^[l]).", formulas: 4, reads: ["Your ", " lacks g′(", "): "] },
    { text: "dε/dW^[l] = a^[l-1] (δ^[l])ᵀ", formulas: 3, reads: ["dε/", " = ", " (", ")ᵀ"] },
    { text: "Each of dW^[2] and dW^[1], at db^[1].", formulas: 3, reads: ["Each of ", " and ", ", at ", "."] },
    { text: "(W^[l+1])ᵀ δ^[l+1]", formulas: 2, reads: [] },
    // Glued to a word on either side, or to another formula: left as text, and the rest still typesets.
    { text: "W^[l]s and W^[2]", formulas: 1, reads: ["W^[l]s and "] },
    { text: "xW^[1] and W^[2]", formulas: 1, reads: ["xW^[1] and "] },
    { text: "W^[1]δ^[1] and W^[2]", formulas: 2, reads: ["δ^[1] and "] },
    { text: "odd^[1] and W^[2]", formulas: 1, reads: ["odd^[1] and "] },
    { text: "n_l × n_{l-1} and a^(i)", formulas: 1, reads: ["n_l × n_{l-1} and "] },
  ])("$text", ({ text, formulas, reads }) => {
    const out = rendered(text);
    expect(out.formulas).toBe(formulas);
    expect(out.formulas).toBe(formulasIn(out.markdown));
    for (const part of reads) expect(readable(out.html)).toContain(part);
    expect(readable(out.html)).not.toMatch(/\$|\\math|\\boldsymbol/);
  });

  it("writes a gradient's d inside its formula, as positions are written", () => {
    expect(mathText("db^[2]")).toBe(String.raw`$d\mathbf{b}^{[2]}$`);
  });
});
