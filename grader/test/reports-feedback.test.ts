/**
 * feedback.md and feedback.html: what a student sees for each lost point,
 * that hidden cases show no values, that nothing from a result becomes
 * markup, and that KaTeX work is done once per formula, not per student.
 */
import { describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { CHECK_KIND } from "../engine/render.ts";
import { caseDetail } from "../reports/case-detail.ts";
import { feedbackHtml } from "../reports/feedback-html.ts";
import { feedbackMarkdown } from "../reports/feedback-md.ts";
import { code, fence, renderMarkdown, text, typesetCount } from "../reports/markdown.ts";
import { HIDDEN_SECRET, INJECTIONS, sampleResult } from "./report-samples.ts";

const manifest = loadManifest();
const result = sampleResult();
const markdown = feedbackMarkdown(result, manifest);
const html = feedbackHtml(markdown, "Feedback");

describe("escaping text taken from results", () => {
  const wrap = {
    text: (s: string) => `Note: ${text(s)}`,
    code: (s: string) => `Tested ${code(s)}.`,
    "code in a table cell": (s: string) => `| a | b |\n| - | - |\n| ${code(s, true)} | x |`,
    fence: (s: string) => fence(s),
  };
  const cases = Object.entries(wrap).flatMap(([how, fn]) => INJECTIONS.map((s) => ({ how, s, fn })));

  it.each(cases)("$how keeps $s literal", ({ s, fn }) => {
    const out = renderMarkdown(fn(s));
    expect(out).not.toMatch(/<(script|img|a|strong|em|h1|li)\b/);
    expect(out).not.toContain('class="katex');
    expect(out).not.toMatch(/(href|src)="/);
  });

  it("keeps a table row whole when a cell's code holds a pipe", () => {
    const out = renderMarkdown(`| a | b |\n| - | - |\n| ${code("x | y", true)} | z |`);
    expect(out).toContain("<code>x | y</code>");
    expect(out.match(/<td>/g)).toHaveLength(2);
  });

  it("cuts very long text", () => {
    expect(text("x".repeat(100_000)).length).toBeLessThan(2000);
  });
});

describe("feedback for a student", () => {
  it("gives the score and a table per exercise", () => {
    expect(markdown).toContain(`**${result.score} / ${result.max_score} points`);
    expect(markdown).toMatch(/^## 01 · Linear algebra primer$/m);
    expect(markdown).toMatch(/^## 05 · The δ recursion$/m);
    expect(markdown.match(/^\| Case \| Kind \| Status \| Points \|$/gm)).toHaveLength(2);
  });

  it("shows expected against received, the input, the named mistake and the first hint", () => {
    expect(markdown).toContain("| `[0][1]` | value check | `0.5` | `0.25` |");
    expect(markdown).toContain("`layers = [3→2 sigmoid], dε/dŷ = [0.1]`");
    expect(markdown).toContain("Likely mistake: δ without the g′(f) factor");
    const delta = manifest.exercises.find((e) => e.id === "05-delta")!;
    expect(markdown).toContain(text(delta.hints[0].text));
  });

  it("typesets the lecture's δ recursion", () => {
    expect(markdown).toContain("\\boldsymbol{\\delta}^{[l]} = g'(\\mathbf{f}^{[l]})");
    expect(html).toMatch(/<p class="katex-block"><span class="katex"><math [^>]*display="block"/);
  });

  it("groups functions not started instead of listing each case", () => {
    expect(markdown).toContain("**Not started yet:** `outer` (1 point)");
    expect(markdown).not.toContain("### ○");
  });

  it("shows a hidden case's name and check kind, never its values or messages", () => {
    expect(markdown).toContain("case wrong-hidden");
    expect(markdown).toContain(`${CHECK_KIND.value} at \`[1][0]\``);
    expect(markdown).toContain("case threw-hidden");
    expect(markdown).not.toContain(HIDDEN_SECRET);
    expect(html).not.toContain(HIDDEN_SECRET);
  });

  it.each(result.cases.filter((c) => c.visibility === "hidden"))("hides the values of hidden case $id", (c) => {
    expect(caseDetail(c, { diagnosis: true, formulas: false }).join("\n")).not.toContain(HIDDEN_SECRET);
  });

  it("renders a student's error message as text", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|<img|href="javascript/);
  });

  it("stands alone: MathML formulas, no stylesheet or font to fetch, nothing from the network", () => {
    expect(html).not.toMatch(/<link\b/);
    expect(html).toContain("<math");
    // KaTeX's HTML rendering (which needs its fonts, and shows each formula twice without them) is not there.
    expect(html).not.toContain('class="katex-html"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain("Content-Security-Policy");
  });

  it("says why nothing was graded when the submission was refused", () => {
    const refused = { ...result, grading_status: "refused" as const, note: "a symlink", exercises: [], cases: [] };
    expect(feedbackMarkdown(refused, manifest)).toContain("Nothing could be graded");
  });
});

describe("performance", () => {
  it("typesets each formula once, however many students", () => {
    feedbackHtml(feedbackMarkdown(sampleResult("warm"), manifest), "t");
    const before = typesetCount();
    for (let i = 0; i < 50; i++) feedbackHtml(feedbackMarkdown(sampleResult(`s${i}`), manifest), "t");
    expect(typesetCount()).toBe(before);
  });
});
