/**
 * The network diagram: one column of units per layer, edges coloured by the
 * sign of their weight and as thick as its size, units coloured by their
 * activation a^[l] for the instance opened up.
 */
import type { Layer, Vector } from "../../../exercises/types.ts";
import { css, diverging } from "./colours.ts";

const BUCKETS = 8;

export class Diagram {
  readonly canvas = document.createElement("canvas");

  constructor() {
    this.canvas.className = "diagram";
    this.canvas.setAttribute("aria-label", "the network: edges by weight, units by activation");
  }

  /** `acts`: a^[0] = x, then a^[1] … a^[L]; undefined when the forward pass failed. */
  draw(layers: Layer[], acts: Vector[] | undefined): void {
    const width = this.canvas.clientWidth || 360;
    const height = this.canvas.clientHeight || 260;
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * dpr) || this.canvas.height !== Math.round(height * dpr)) {
      this.canvas.width = Math.round(width * dpr);
      this.canvas.height = Math.round(height * dpr);
    }
    // Opaque: the compositor blends nothing under it.
    const ctx = this.canvas.getContext("2d", { alpha: false })!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    const n = [layers[0].W.length, ...layers.map((l) => l.b.length)];
    // Each unit column is labelled a^[l] over its activation's name. Where the columns are closer than the longest
    // label (a phone, many layers), neighbours take turns on two rows, so no two labels overlap.
    ctx.font = "11px system-ui, sans-serif";
    const labels = n.map((_, l) => [`a^[${l}]`, l === 0 ? "x" : layers[l - 1].activation.name]);
    const widest = Math.max(...labels.flat().map((t) => ctx.measureText(t).width));
    const gap = (width - 48) / (n.length - 1);
    const rows = widest + 6 > gap ? 2 : 1;
    const top = 14;
    const bottom = 8 + rows * 26;
    const usable = height - top - bottom;
    const maxUnits = Math.max(...n);
    const radius = Math.max(4, Math.min(11, usable / maxUnits / 2.6));
    const x = (l: number) => 24 + ((width - 48) * l) / (n.length - 1);
    const y = (l: number, j: number) => top + usable / 2 + (j - (n[l] - 1) / 2) * (usable / Math.max(maxUnits, 2));
    let largest = 1e-9;
    for (const l of layers) for (const row of l.W) for (const w of row) largest = Math.max(largest, Math.abs(w));
    // Edges go into a few buckets by sign and size, one path each: a stroke per bucket, not per edge.
    const buckets = new Map<number, Path2D>();
    layers.forEach((layer, i) => {
      layer.W.forEach((row, r) =>
        row.forEach((w, j) => {
          const key = Math.sign(w) * (1 + Math.round((BUCKETS - 1) * (Math.abs(w) / largest)));
          let p = buckets.get(key);
          if (!p) buckets.set(key, (p = new Path2D()));
          p.moveTo(x(i), y(i, r));
          p.lineTo(x(i + 1), y(i + 1, j));
        }),
      );
    });
    for (const [key, p] of buckets) {
      const k = (Math.abs(key) - 1) / (BUCKETS - 1);
      ctx.strokeStyle = css(diverging(Math.sign(key)), 0.25 + 0.75 * k);
      ctx.lineWidth = 0.5 + 4 * k;
      ctx.stroke(p);
    }
    const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
    n.forEach((units, l) => {
      const align = l === 0 ? "left" : l === n.length - 1 ? "right" : "center";
      ctx.textAlign = align;
      for (let j = 0; j < units; j++) {
        const value = acts?.[l]?.[j];
        ctx.fillStyle = value === undefined ? "#ddd" : css(diverging(value));
        ctx.strokeStyle = "#333";
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.arc(x(l), y(l, j), radius, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
      ctx.fillStyle = "#333";
      const at = l === 0 ? 4 : l === n.length - 1 ? width - 4 : x(l);
      const row = rows === 2 && l % 2 === 1 ? 1 : 0;
      labels[l].forEach((label, k) => {
        const baseline = height - 8 - (rows - 1 - row) * 26 - (1 - k) * 13;
        ctx.fillText(label, at, baseline);
        const w = ctx.measureText(label).width;
        const left = align === "left" ? at : align === "right" ? at - w : at - w / 2;
        boxes.push({ left, right: left + w, top: baseline - 10, bottom: baseline + 2 });
      });
    });
    // Where each label was drawn, for the browser test: a canvas has no text to look at.
    this.canvas.dataset.labels = JSON.stringify(
      boxes.map((b) => ({ ...b, left: Math.floor(b.left), right: Math.ceil(b.right) })),
    );
  }
}
