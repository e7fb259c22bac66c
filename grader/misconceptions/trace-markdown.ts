/**
 * Internal. Where a wrong answer went wrong, as markdown for the feedback page
 * and Gradescope: the function that returned it and the layer-by-layer trace,
 * each one line.
 */
import type { CaseResult } from "../engine/results.ts";
import { text } from "../reports/markdown.ts";
import { mathText, positionMath } from "../reports/notation.ts";

/**
 * The trace's labels typeset like the rule (as code when a label is not a position); ✓ and ✗ stay plain. Without
 * `formulas` (Gradescope, which does not typeset), every label is code and the rest plain text.
 */
export function traceMarkdown(trace: string, formulas: boolean): string {
  return trace
    .split(" · ")
    .map((step) => {
      const [label, ...rest] = step.split(" ");
      return [labelOf(label, formulas), (formulas ? mathText : text)(rest.join(" "))].filter(Boolean).join(" ");
    })
    .join(" · ");
}

const labelOf = (s: string, formulas: boolean) => (formulas && positionMath(s)) || codeOf(s);

const codeOf = (s: string) => `\`${s.replace(/`/g, "")}\``;

/** The function's line, the trace, and the layers a named mistake holds in on this case, for its detail. */
export function whereWrong(c: Pick<CaseResult, "source" | "trace" | "diagnosis">, formulas: boolean): string[] {
  const lines: string[] = [];
  if (c.source) lines.push(`Returned by ${codeOf(c.source)}.`, "");
  if (c.trace) lines.push(`**Layer by layer:** ${traceMarkdown(c.trace, formulas)}`, "");
  if (c.diagnosis?.layers)
    lines.push(
      `The named mistake holds in ${c.diagnosis.layers.map((l) => labelOf(l, formulas)).join(", ")} only.`,
      "",
    );
  return lines;
}
