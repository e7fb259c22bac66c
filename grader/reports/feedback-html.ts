/**
 * Internal. feedback.html, rendered from feedback.md with markdown-it and KaTeX. The page is one file: its formulas
 * are MathML (see markdown.ts), which browsers draw with no stylesheet or font files, so it reads the same attached to
 * a Canvas comment or an e-mail as it does in the results folder, online or off.
 */
import { htmlPage } from "./html-page.ts";
import { renderBlocks } from "./markdown.ts";

/** @param markdown feedback.md's text, whole or in the blocks of feedbackBlocks */
export function feedbackHtml(markdown: string | string[], title: string): string {
  return htmlPage({ title, body: renderBlocks(typeof markdown === "string" ? [markdown] : markdown) });
}
