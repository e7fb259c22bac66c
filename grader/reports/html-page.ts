/**
 * Internal. The HTML shell of the report pages: one inline stylesheet, no
 * scripts, nothing fetched from the network. A strict Content-Security-Policy
 * backs that up: even if some markup slipped through, it could load nothing
 * from outside and run no script.
 */
import { showControls } from "../sanitize.ts";

export function escapeHtml(s: string): string {
  // Control and bidi characters shown as [U+202E]: a reader sees a Trojan Source comment for what it is.
  return showControls(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --ok: #1a7f37; --bad: #cf222e;
  --todo: #8c959f; --part: #9a6700; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto,
  "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 28px 24px 64px; }
h1 { font-size: 1.7em; margin: 0 0 6px; }
h2 { font-size: 1.3em; margin: 36px 0 8px; padding-top: 12px; border-top: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 24px 0 6px; }
h1 + p { font-size: 1.1em; color: var(--muted); }
h1 + p strong { color: var(--ink); font-size: 1.25em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.94em; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:hover { background: #fafbfc; }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  background: var(--soft); padding: 1px 4px; border-radius: 4px; }
/* Code wraps between entries (at the space of ", "), never inside a number: what does not fit scrolls in its box,
   with a shadow at the edge that has more (the backgrounds below). */
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px;
  overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
em { color: var(--muted); }
blockquote { margin: 12px 0; padding: 8px 14px; border-left: 4px solid var(--part); background: #fff8e5;
  border-radius: 0 6px 6px 0; }
blockquote p { margin: 6px 0; }
.katex-block { overflow-x: auto; overflow-y: hidden; padding: 4px 2px; }
/* A scroll cue: covers in the box's own colour scroll with the content (local) and hide the shadows (scroll) until
   there is more to see on that side. No script, so it works in the lone file too. */
.katex-block, pre, table { --cover: #fff; background-color: var(--cover);
  background-image: linear-gradient(to right, var(--cover) 40%, transparent),
  linear-gradient(to left, var(--cover) 40%, transparent), radial-gradient(farthest-side at 0 50%, #0003, #0000),
  radial-gradient(farthest-side at 100% 50%, #0003, #0000);
  background-position: left, right, left, right; background-size: 24px 100%, 24px 100%, 10px 100%, 10px 100%;
  background-repeat: no-repeat; background-attachment: local, local, scroll, scroll; }
pre { --cover: var(--soft); }
blockquote .katex-block { --cover: #fff8e5; }
.katex { font-size: 1.12em; }
/* MathML, drawn by the browser: the system's math font where there is one (macOS, Windows, most Linux desktops). */
math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "Noto Sans Math", math, serif; }
math[display="block"] { padding: 2px 0; }
.mark { font-weight: 700; }
.mark.ok { color: var(--ok); } .mark.bad { color: var(--bad); } .mark.todo { color: var(--todo); }
.mark.part { color: var(--part); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; }
.card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
.card b { display: block; font-size: 1.6em; line-height: 1.2; }
.card span { color: var(--muted); font-size: 0.9em; }
.chart { display: block; max-width: 100%; height: auto; }
.bar { display: inline-block; vertical-align: middle; }
.status-graded { color: var(--ok); } .status-refused, .status-crashed { color: var(--bad); }
.status-compile_error, .status-timeout { color: var(--part); }
.note { color: var(--muted); font-size: 0.9em; }
td.id { white-space: nowrap; }
footer { margin-top: 48px; color: var(--muted); font-size: 0.85em; }
details { margin: 4px 0 12px; }
summary { cursor: pointer; padding: 2px 0; }
summary > p { display: inline; margin: 0; }
h2 + details { margin-top: 0; }
@media (max-width: 600px) {
  main { padding: 18px 14px 48px; }
  h2 { margin-top: 24px; }
  th, td { padding: 4px 6px; }
  /* A table wider than a phone scrolls in its own box, with the cue above, and the page does not. */
  table { display: block; overflow-x: auto; }
}
`;

export interface PageOptions {
  title: string;
  /** Already-safe HTML for the body. */
  body: string;
  /** Stylesheets to link, relative to the page; only local files. */
  stylesheets?: string[];
}

export function htmlPage({ title, body, stylesheets = [] }: PageOptions): string {
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' file: 'unsafe-inline'; font-src 'self' file:; img-src 'self' file: data:">
<title>${escapeHtml(title)}</title>
${links}
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
