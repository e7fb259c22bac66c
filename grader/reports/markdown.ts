/**
 * Internal. Markdown for the reports: escaping for text taken from results,
 * and one markdown-it instance (raw HTML off) that typesets $…$ with KaTeX.
 *
 * Everything a submission can influence (error messages, received values,
 * notes, ids) goes through `text`, `code` or `fence`, so it can never become
 * markup, a link or a formula. Only the kit's own LaTeX is ever typeset.
 */
import markdownKatexModule from "@vscode/markdown-it-katex";
import katex from "katex";
import MarkdownIt from "markdown-it";
import { stripControls } from "../sanitize.ts";
import { toMathCore } from "./mathml.ts";

/** Long untrusted text is cut: a 1 MB error message must not become a 1 MB page. */
export const MAX_UNTRUSTED = 1500;

function clip(raw: string, max = MAX_UNTRUSTED): string {
  const s = stripControls(raw);
  return s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;
}

/**
 * Plain inline text, on one line. Escapes what could start markup anywhere in
 * a line (code, emphasis, links, images, raw HTML, entities, tables, math)
 * and, at the very start, what could start a block (heading, quote, list).
 */
export function text(s: string): string {
  return clip(s)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/[\\`*_[\]<>$|!~&]/g, "\\$&")
    .replace(/^([#>+=-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Inline code, on one line. In a table cell pass `cell`, so a `|` inside cannot end the cell. */
export function code(s: string, cell = false): string {
  let flat = clip(s).replace(/\s*[\r\n]+\s*/g, " ⏎ ");
  if (cell) flat = flat.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fenced block for multi-line text; the fence is longer than any run of backticks inside. */
export function fence(s: string): string {
  const body = clip(s, MAX_UNTRUSTED * 2).replace(/\r\n?/g, "\n");
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}text\n${body}\n${ticks}`;
}

/**
 * KaTeX with a memo: the same few formulas recur on every student's page, and
 * typesetting is by far the slowest step. The memo holds only the kit's own
 * formulas (untrusted text never reaches KaTeX), so it stays small.
 */
const memo = new Map<string, string>();
const memoKatex: typeof katex = {
  ...katex,
  renderToString(latex, options) {
    const key = `${options?.displayMode ? "D" : "I"}${latex}`;
    let html = memo.get(key);
    if (html === undefined) {
      // MathML only: KaTeX's default adds an HTML rendering that needs its stylesheet and fonts, and without them
      // every formula shows twice.
      html = toMathCore(katex.renderToString(latex, { ...options, output: "mathml" }));
      memo.set(key, html);
    }
    return html;
  },
};

/** How many distinct formulas have been typeset (for tests of the memo). */
export function typesetCount(): number {
  return memo.size;
}

// The plugin is CommonJS with an `exports.default`; Node's ESM loader hands over the whole exports object.
const markdownKatex =
  (markdownKatexModule as unknown as { default?: typeof markdownKatexModule }).default ?? markdownKatexModule;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(markdownKatex, {
  katex: memoKatex,
  throwOnError: false,
});

/** A heading's anchor: "05 · The δ recursion" → "05-the-δ-recursion". Letters, digits and dashes only. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

// Headings get ids, so the overview table can link to each exercise.
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const words = (tokens[idx + 1]?.children ?? []).filter((t) => t.type === "text" || t.type === "code_inline");
  tokens[idx].attrSet("id", anchor(words.map((t) => t.content).join("")));
  return self.renderToken(tokens, idx, options);
};

// Status marks get a class, so a reader scanning a table sees green and red; the text is escaped first.
const MARKS: Record<string, string> = { "✓": "ok", "✗": "bad", "○": "todo", "◐": "part" };
md.renderer.rules.text = (tokens, idx) =>
  md.utils.escapeHtml(tokens[idx].content).replace(/[✓✗○◐]/g, (m) => `<span class="mark ${MARKS[m]}">${m}</span>`);

/**
 * Collapsible sections: a paragraph that is exactly `<details>` or `<details open>` opens one, the paragraph after
 * it is its summary, and a paragraph `</details>` closes it. Raw HTML stays off: text from results goes through
 * `text`, `code` or `fence`, which escape `<`, so only the kit's own markdown can hold such a paragraph. In
 * feedback.md itself they are plain HTML, which GitHub and most viewers show as collapsible too.
 */
const DETAILS = /^<details( open)?>$/;
md.core.ruler.push("details_blocks", (state) => {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (open.type !== "paragraph_open" || inline.type !== "inline" || close.type !== "paragraph_close") continue;
    const tag = inline.content.trim();
    if (!DETAILS.test(tag) && tag !== "</details>") continue;
    const block = new state.Token("html_block", "", 0);
    block.content = `${tag}\n`;
    tokens.splice(i, 3, block);
    if (tag === "</details>") continue;
    // The next paragraph is the summary.
    if (tokens[i + 1]?.type === "paragraph_open" && tokens[i + 3]?.type === "paragraph_close") {
      tokens[i + 1].tag = "summary";
      tokens[i + 3].tag = "summary";
    }
  }
});

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** One line of markdown as inline HTML, with no paragraph around it (a table cell's text). */
export function renderInline(source: string): string {
  return md.renderInline(source);
}

/**
 * Blocks rendered one by one, as renderMarkdown renders them joined by newlines. Across a class most exercise
 * sections are word for word another student's (complete, not started, the same case failed the same way), so
 * each distinct block is rendered once. The memo is bounded: past MEMO_CHARS of HTML it starts again.
 */
export function renderBlocks(blocks: string[]): string {
  let html = "";
  for (const block of blocks) {
    let out = blockMemo.get(block);
    if (out === undefined) {
      out = md.render(block);
      if (memoChars + out.length > MEMO_CHARS) {
        blockMemo.clear();
        memoChars = 0;
      }
      blockMemo.set(block, out);
      memoChars += block.length + out.length;
    }
    html += out;
  }
  return html;
}

const MEMO_CHARS = 32 * 2 ** 20;
const blockMemo = new Map<string, string>();
let memoChars = 0;
