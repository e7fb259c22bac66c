/**
 * Internal. similarity.html for the TA: pairs of submissions ranked by
 * similarity and by longest shared fragment, the same per exercise, and the
 * matched fragments side by side. One self-contained file: inline CSS, no
 * script, nothing fetched; every name and line of code is escaped.
 */
import { escapeHtml as h, htmlPage } from "../reports/html-page.ts";
import type { ClassSimilarity, SubmissionPair } from "./analyze.ts";
import type { ExerciseSimilarity, PairResult } from "./compare.ts";
import { KGRAM_LENGTH, KGRAMS_IN_WINDOW } from "./compare.ts";

/** Rows in each ranking table; flagged pairs are listed up to FLAGGED_ROWS (the CSV has them all). */
export const TABLE_ROWS = 25;
export const FLAGGED_ROWS = 200;
const COLOURS = ["#ffe08a", "#b6e3ff", "#c8f0c0", "#ffc8dc", "#e0d0ff", "#ffd8b0", "#c0f0ec", "#f0f0a0"];

const CSS = `<style>
main { max-width: 1280px; }
.pct { font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flagged td { background: #fff1f0; }
.meter { display: inline-block; height: 8px; background: var(--soft); border: 1px solid var(--line);
  border-radius: 4px; vertical-align: middle; margin-right: 6px; overflow: hidden; }
.meter i { display: block; height: 100%; background: var(--bad); }
.sbs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 10px; }
.sbs pre { margin: 0; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  white-space: pre; overflow-x: auto; padding: 6px 0; }
.sbs pre span { display: block; padding: 0 8px; min-height: 1.45em; }
.sbs pre span b { display: inline-block; width: 3.2em; color: var(--todo); font-weight: 400; user-select: none; }
details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 4px 10px; }
details > summary { cursor: pointer; font-weight: 600; }
/* A link lands on the list of fragments: keep the pane's summary line in view above it. */
details > ol[id] { scroll-margin-top: 6em; }
.meter { width: 60px; }
@media (max-width: 600px) {
  .sbs { grid-template-columns: minmax(0, 1fr); }
  .meter { display: none; }
}
${COLOURS.map((c, i) => `.f${i} { background: ${c}; }`).join("\n")}
</style>`;

const pct = (v: number) => `${Math.round(v * 100)}%`;
const meter = (v: number) =>
  `<span class="meter" aria-hidden="true"><i style="width:${Math.round(v * 100)}%"></i></span><span class="pct">${pct(v)}</span>`;
const short = (exercise: string) => exercise.slice(0, 2);

/** Stable anchors for the pairs shown side by side. */
type Anchors = Map<PairResult, string>;

function anchorsOf(exercises: ExerciseSimilarity[]): Anchors {
  const anchors: Anchors = new Map();
  for (const e of exercises)
    e.pairs.forEach((p, i) => {
      if (p.fragments.length > 0) anchors.set(p, `d-${e.exercise}-${i}`);
    });
  return anchors;
}

/** exercise, a, b → the anchor of that pair's side-by-side view. */
type Views = Map<string, string>;
const viewKey = (exercise: string, a: string, b: string) => `${exercise}\u0000${a}\u0000${b}`;

function viewsOf(exercises: ExerciseSimilarity[], anchors: Anchors): Views {
  const views: Views = new Map();
  for (const e of exercises)
    for (const p of e.pairs) if (anchors.has(p)) views.set(viewKey(e.exercise, p.a, p.b), anchors.get(p)!);
  return views;
}

function exerciseLinks(pair: SubmissionPair, views: Views): string {
  return pair.exercises
    .map((x) => {
      const anchor = views.get(viewKey(x.exercise, pair.a, pair.b));
      const label = `${h(short(x.exercise))}&nbsp;${pct(x.similarity)}`;
      return anchor ? `<a href="#${h(anchor)}">${label}</a>` : label;
    })
    .join(", ");
}

function pairTable(pairs: SubmissionPair[], views: Views): string {
  if (pairs.length === 0) return `<p>No two submissions share code beyond the stubs.</p>`;
  const rows = pairs.map(
    (p, i) => `<tr${p.flagged ? ` class="flagged"` : ""}><td style="text-align:right">${i + 1}</td>
<td class="id">${h(p.a)}</td><td class="id">${h(p.b)}</td><td>${meter(p.similarity)}${p.flagged ? " <b>flagged</b>" : ""}</td>
<td style="text-align:right">${p.longest}</td><td class="note">${exerciseLinks(p, views)}</td></tr>`,
  );
  return `<table><thead><tr><th style="text-align:right">#</th><th>Submission</th><th>Submission</th><th>Similarity</th>
<th style="text-align:right">Longest fragment</th><th>Per exercise (links: side by side)</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function exercisePairTable(e: ExerciseSimilarity, pairs: PairResult[], anchors: Anchors, threshold: number): string {
  const rows = pairs.map((p, i) => {
    const anchor = anchors.get(p);
    const view = anchor ? `<a href="#${h(anchor)}">side by side</a>` : "";
    return `<tr${p.similarity >= threshold ? ` class="flagged"` : ""}><td style="text-align:right">${i + 1}</td><td class="id">${h(p.a)}</td>
<td class="id">${h(p.b)}</td><td>${meter(p.similarity)}</td><td style="text-align:right">${p.longest}</td><td>${view}</td></tr>`;
  });
  return `<table><thead><tr><th style="text-align:right">#</th><th>Submission</th><th>Submission</th><th>Similarity</th>
<th style="text-align:right">Longest fragment</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function exerciseSection(e: ExerciseSimilarity, anchors: Anchors, threshold: number): string {
  const skipped = e.skipped.length
    ? `<p class="note">Not compared: ${e.skipped.map((s) => `<code>${h(s.id)}</code> (${h(s.reason)})`).join(", ")}.</p>`
    : "";
  const head = `<h3 id="ex-${h(e.exercise)}">${h(e.exercise)}</h3>
<p class="note">${e.files.size} files compared, ${e.pairs.length === 1 ? "1 pair shares" : `${e.pairs.length} pairs share`} code beyond the stub.</p>${skipped}`;
  if (e.pairs.length === 0) return head;
  const byLongest = [...e.pairs].sort((x, y) => y.longest - x.longest || y.similarity - x.similarity);
  return `${head}<p><b>By similarity</b></p>${exercisePairTable(e, e.pairs.slice(0, 10), anchors, threshold)}
<p><b>By longest shared fragment</b></p>${exercisePairTable(e, byLongest.slice(0, 10), anchors, threshold)}`;
}

/** One file as numbered lines, each line of a fragment coloured as its fragment. */
function codeColumn(text: string, spans: { from: number; to: number }[]): string {
  const lines = text.split("\n");
  return lines
    .map((line, i) => {
      const n = i + 1;
      const k = spans.findIndex((s) => n >= s.from && n <= s.to);
      return `<span${k >= 0 ? ` class="f${k % COLOURS.length}"` : ""}><b>${n}</b>${h(line)}</span>`;
    })
    .join("");
}

function sideBySide(e: ExerciseSimilarity, p: PairResult, anchor: string, threshold: number): string {
  const list = p.fragments
    .map(
      (f, k) =>
        `<li><span class="f${k % COLOURS.length}">lines ${f.a.from}–${f.a.to}</span> of ${h(p.a)} ↔ lines ${f.b.from}–${f.b.to} of ${h(p.b)} (${f.length} fingerprints)</li>`,
    )
    .join("");
  // Closed, each one line: open, the panes of a class made the page tens of thousands of pixels tall. The link's
  // target is inside, so following a "side by side" link opens it (the browser reveals a target's <details>).
  const flagged = p.similarity >= threshold ? " <b>flagged</b>" : "";
  return `<details><summary>${h(e.exercise)}: ${h(p.a)} ↔ ${h(p.b)}, ${pct(p.similarity)}${flagged}</summary>
<ol class="note" id="${h(anchor)}">${list}</ol>
<div class="sbs"><div><b>${h(p.a)}</b><pre>${codeColumn(
    e.files.get(p.a) ?? "",
    p.fragments.map((f) => f.a),
  )}</pre></div>
<div><b>${h(p.b)}</b><pre>${codeColumn(
    e.files.get(p.b) ?? "",
    p.fragments.map((f) => f.b),
  )}</pre></div></div></details>`;
}

export function similarityHtml(s: ClassSimilarity, generatedAt = new Date()): string {
  const anchors = anchorsOf(s.exercises);
  const views = viewsOf(s.exercises, anchors);
  const flagged = s.pairs.filter((p) => p.flagged);
  const top = s.pairs.slice(0, Math.max(TABLE_ROWS, Math.min(flagged.length, FLAGGED_ROWS)));
  const more =
    flagged.length > top.length
      ? `<p class="note">And ${flagged.length - top.length} more flagged pairs: similarity.csv has every pair.</p>`
      : "";
  const byLongest = [...s.pairs].sort((x, y) => y.longest - x.longest || y.similarity - x.similarity);
  const missing = s.missing.length
    ? `<p class="note">Not compared: ${s.missing.map((m) => `<code>${h(m.id)}</code> (${h(m.reason)})`).join(", ")}.</p>`
    : "";
  const details = s.exercises.flatMap((e) =>
    e.pairs.filter((p) => anchors.has(p)).map((p) => sideBySide(e, p, anchors.get(p)!, s.threshold)),
  );
  const body = `${CSS}<h1>Similarity</h1>
<p>${s.compared.length} submissions compared, each exercise on its own, with the stubs taken out ·
${h(generatedAt.toISOString().slice(0, 16).replace("T", " "))} UTC</p>
<div class="cards"><div class="card"><b>${s.compared.length}</b><span>submissions compared</span></div>
<div class="card"><b>${flagged.length}</b><span>pairs at or above ${pct(s.threshold)}</span></div>
<div class="card"><b>${s.pairs.length ? pct(s.pairs[0].similarity) : "–"}</b><span>most similar pair</span></div>
<div class="card"><b>${s.missing.length}</b><span>not compared</span></div></div>
${missing}
<p class="note">Similarity is the share of their code two submissions have in common, over the exercises both
submitted, weighted by size: Dolos parses each file, keeps only its syntax tree (so names, comments, whitespace and
the order of functions do not matter), takes fingerprints of ${KGRAM_LENGTH} tokens (one per window of
${KGRAMS_IN_WINDOW}) and ignores every fingerprint of the stub. Pairs at or above ${pct(s.threshold)} are flagged:
the README gives the calibration behind that figure. The longest fragment is the longest run of shared fingerprints.
A flag is a reason to read the code side by side, not a verdict: short exercises leave little room to write
differently.</p>
<h2 id="pairs">Pairs of submissions, most similar first</h2>
${pairTable(top, views)}${more}
<h2 id="longest">Pairs by longest shared fragment</h2>
${pairTable(byLongest.slice(0, TABLE_ROWS), views)}
<h2 id="exercises">Per exercise</h2>
${s.exercises.map((e) => exerciseSection(e, anchors, s.threshold)).join("\n")}
<h2 id="side-by-side">Side by side</h2>
<p class="note">Each pane opens with a click on its line, or from a "side by side" link above. Each shared fragment has its colour, on both sides.</p>
${details.join("\n") || "<p>No pairs to show.</p>"}
<footer>Written by <code>npm run similarity</code> or <code>npm run grade -- --similarity</code>, with Dolos.</footer>`;
  return htmlPage({ title: `Similarity: ${s.compared.length} submissions`, body });
}
