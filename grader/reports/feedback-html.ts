/**
 * Internal. feedback.html, rendered from feedback.md with markdown-it and
 * KaTeX, linking the run's shared copy of KaTeX's CSS and fonts.
 */
import path from "node:path";
import { htmlPage } from "./html-page.ts";
import { KATEX_ASSETS } from "./katex-assets.ts";
import { renderBlocks } from "./markdown.ts";

/**
 * @param markdown feedback.md's text, whole or in the blocks of feedbackBlocks
 * @param pageDir the folder the page is written to
 * @param out the results folder, which holds assets/katex
 */
export function feedbackHtml(markdown: string | string[], title: string, pageDir: string, out: string): string {
  const css = path
    .relative(pageDir, path.join(out, KATEX_ASSETS, "katex.min.css"))
    .split(path.sep)
    .join("/");
  return htmlPage({
    title,
    body: renderBlocks(typeof markdown === "string" ? [markdown] : markdown),
    stylesheets: [css],
  });
}
