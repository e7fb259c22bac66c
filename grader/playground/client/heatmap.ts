/**
 * The decision boundary: the student's forward over a grid on the plane,
 * drawn as a heatmap (orange ŷ < 0.5, blue ŷ ≥ 0.5), with the data on top.
 * The grid is coarse and scaled up smoothly, which keeps a frame cheap.
 */
import type { Layer } from "../../../exercises/types.ts";
import { BLUE, css, diverging, ORANGE } from "./colours.ts";
import type { Points } from "./datasets.ts";
import * as s from "./student.ts";

export const EXTENT = 1.3;
/**
 * Cells a side. While training, 30 (900 forward passes a frame, scaled up smoothly) keeps frames cheap; once
 * paused, the plane is drawn once more at 64 so that a sharp boundary is drawn sharp.
 */
export const GRID_PLAYING = 30;
export const GRID_PAUSED = 64;

export class Heatmap {
  readonly canvas = document.createElement("canvas");
  private readonly grid = document.createElement("canvas");
  private image: ImageData;
  /** Share of the grid on the blue side, for the page's status line and tests. */
  blueShare = 0;

  constructor(private readonly onPick: (index: number) => void) {
    this.canvas.className = "heatmap";
    this.canvas.setAttribute("aria-label", "decision boundary with the data points");
    this.image = this.resize(GRID_PLAYING);
    this.canvas.addEventListener("click", (e) => this.click(e));
  }

  private points?: Points;

  private resize(cells: number): ImageData {
    this.grid.width = cells;
    this.grid.height = cells;
    return (this.image = this.grid.getContext("2d")!.createImageData(cells, cells));
  }

  private toPlane(px: number, py: number, size: number): [number, number] {
    return [(px / size) * 2 * EXTENT - EXTENT, EXTENT - (py / size) * 2 * EXTENT];
  }

  private click(e: MouseEvent): void {
    if (!this.points) return;
    const rect = this.canvas.getBoundingClientRect();
    const [x, y] = this.toPlane(e.clientX - rect.left, e.clientY - rect.top, rect.width);
    let best = 0;
    let bestD = Infinity;
    this.points.xs.forEach(([px, py], i) => {
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    this.onPick(best);
  }

  /** Fills the grid from the student's forward; throws a FaultError when it fails. */
  compute(fns: s.StudentFns, layers: Layer[], cells = GRID_PLAYING): void {
    if (this.image.width !== cells) this.resize(cells);
    const data = this.image.data;
    let blue = 0;
    for (let gy = 0; gy < cells; gy++) {
      for (let gx = 0; gx < cells; gx++) {
        const x = ((gx + 0.5) / cells) * 2 * EXTENT - EXTENT;
        const y = EXTENT - ((gy + 0.5) / cells) * 2 * EXTENT;
        // The first cell is checked in full (shapes, NaN); the rest only for a finite ŷ, which keeps frames cheap.
        const yHat = gx + gy === 0 ? s.forward(fns, layers, [x, y]).a.at(-1)![0] : s.prediction(fns, layers, [x, y]);
        if (yHat >= 0.5) blue++;
        // 0.5 is white; 0 and 1 are full orange and blue.
        const [r, g, b] = diverging(Math.max(-1, Math.min(1, (yHat - 0.5) * 2)) * 0.85);
        const k = 4 * (gy * cells + gx);
        data[k] = r;
        data[k + 1] = g;
        data[k + 2] = b;
        data[k + 3] = 255;
      }
    }
    this.blueShare = blue / (cells * cells);
    this.grid.getContext("2d")!.putImageData(this.image, 0, 0);
  }

  /** Clears the plane (nothing to show: the forward pass failed). */
  blank(): void {
    this.image.data.fill(236);
    this.grid.getContext("2d")!.putImageData(this.image, 0, 0);
  }

  draw(points: Points, pick: number): void {
    this.points = points;
    const size = this.canvas.clientWidth || 360;
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(size * dpr)) {
      this.canvas.width = Math.round(size * dpr);
      this.canvas.height = Math.round(size * dpr);
    }
    const ctx = this.canvas.getContext("2d", { alpha: false })!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.grid, 0, 0, size, size);
    const scale = size / (2 * EXTENT);
    const at = (x: number, y: number): [number, number] => [(x + EXTENT) * scale, (EXTENT - y) * scale];
    // A dark rim: a point on its own class's side has nearly the background's colour.
    ctx.lineWidth = 1;
    ctx.strokeStyle = "rgba(20,20,20,0.55)";
    for (let c = 0; c < 2; c++) {
      ctx.fillStyle = css(c === 1 ? BLUE : ORANGE);
      ctx.beginPath();
      points.xs.forEach(([x, y], i) => {
        if (points.labels[i] !== c) return;
        const [px, py] = at(x, y);
        ctx.moveTo(px + 3.6, py);
        ctx.arc(px, py, 3.6, 0, 2 * Math.PI);
      });
      ctx.fill();
      ctx.stroke();
    }
    const [px, py] = at(points.xs[pick][0], points.xs[pick][1]);
    ctx.strokeStyle = "#111";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(px, py, 7, 0, 2 * Math.PI);
    ctx.stroke();
  }
}
