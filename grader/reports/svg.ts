/**
 * Internal. The summary's charts as inline SVG, drawn here: a histogram of
 * scores and small horizontal bars for tables. No library and no script, so
 * the page stays one self-contained file.
 */
import { escapeHtml } from "./html-page.ts";

const INK = "#1f2328";
const MUTED = "#59636e";
const LINE = "#d1d9e0";

/** Counts of values (percentages, 0–100) in `bins` equal bins; 100 falls in the last. */
export function binCounts(values: number[], bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v / 100) * bins)))]++;
  return counts;
}

/** How a histogram is drawn: a wide one for a desktop, a narrow one for a phone (summary-html.ts shows one). */
export interface HistogramShape {
  width: number;
  height: number;
  /** Label every `labelEvery`th bin edge: a phone has room for 0, 20, …, 100 at a readable size, not for all 11. */
  labelEvery: number;
  className: string;
}

export const WIDE: HistogramShape = { width: 860, height: 240, labelEvery: 1, className: "wide" };
/** Drawn at about its own size on a 390 px phone, so its 12-unit labels stay 12 px, not 5. */
export const NARROW: HistogramShape = { width: 360, height: 220, labelEvery: 2, className: "narrow" };

/** A histogram of percentages with a labelled bar per bin. */
export function histogramSvg(values: number[], bins = 10, shape: HistogramShape = WIDE): string {
  const counts = binCounts(values, bins);
  const { width, height, labelEvery } = shape;
  const pad = { left: 30, right: 14, top: 18, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const top = Math.max(1, ...counts);
  const step = plotW / bins;
  const y = (n: number) => pad.top + plotH - (n / top) * plotH;
  const parts: string[] = [];
  // A few horizontal grid lines with whole-number labels.
  const ticks = [...new Set([0, Math.round(top / 2), top])];
  for (const t of ticks) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(t)}" y2="${y(t)}" stroke="${LINE}"/>`);
    parts.push(`<text x="${pad.left - 6}" y="${y(t) + 4}" text-anchor="end" fill="${MUTED}">${t}</text>`);
  }
  counts.forEach((n, i) => {
    const x = pad.left + i * step + 3;
    const from = Math.round((i * 100) / bins);
    const to = Math.round(((i + 1) * 100) / bins);
    const label = `${from}–${to}%: ${n} ${n === 1 ? "submission" : "submissions"}`;
    const h = (n / top) * plotH;
    parts.push(
      `<rect class="bar" x="${x}" y="${pad.top + plotH - h}" width="${step - 6}" height="${h}" rx="2" fill="${barColour(i, bins)}"><title>${label}</title></rect>`,
    );
    if (n > 0)
      parts.push(`<text x="${x + (step - 6) / 2}" y="${y(n) - 4}" text-anchor="middle" fill="${INK}">${n}</text>`);
    if (i % labelEvery === 0)
      parts.push(
        `<text x="${pad.left + i * step}" y="${height - pad.bottom + 16}" text-anchor="middle" fill="${MUTED}">${from}</text>`,
      );
  });
  if (bins % labelEvery === 0)
    parts.push(
      `<text x="${pad.left + plotW}" y="${height - pad.bottom + 16}" text-anchor="middle" fill="${MUTED}">100</text>`,
    );
  parts.push(
    `<text x="${pad.left + plotW / 2}" y="${height - 6}" text-anchor="middle" fill="${MUTED}">score, % of the points</text>`,
  );
  const summary = `Histogram of ${values.length} scores: ${counts.join(", ")} per ${100 / bins}% bin`;
  return `<svg class="chart histogram ${shape.className}" role="img" aria-label="${escapeHtml(summary)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="12" font-family="system-ui, sans-serif" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(summary)}</title>${parts.join("")}</svg>`;
}

/** Red for low scores through amber to green for high ones. */
function barColour(i: number, bins: number): string {
  const t = bins > 1 ? i / (bins - 1) : 1;
  return t < 0.4 ? "#cf6b5b" : t < 0.7 ? "#d9a441" : "#4c9a5f";
}

export interface Segment {
  value: number;
  colour: string;
  label: string;
}

/** A small horizontal bar of stacked segments out of `max`, for a table cell. */
export function barSvg(segments: Segment[], max: number, width = 160): string {
  const h = 12;
  let x = 0;
  const rects = segments.map((s) => {
    const w = max > 0 ? (Math.max(0, s.value) / max) * width : 0;
    const rect = `<rect x="${x}" y="0" width="${w}" height="${h}" fill="${s.colour}"><title>${escapeHtml(s.label)}</title></rect>`;
    x += w;
    return rect;
  });
  const label = segments.map((s) => s.label).join("; ");
  return `<svg class="bar" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${h}" preserveAspectRatio="none" width="${width}" height="${h}" xmlns="http://www.w3.org/2000/svg"><rect width="${width}" height="${h}" rx="2" fill="#eef1f4"/>${rects.join("")}</svg>`;
}
