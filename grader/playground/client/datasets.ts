/**
 * Seeded 2-D datasets on the square [−1, 1]², with labels 0 and 1: the same
 * seed, size and noise always give the same points, so a shared URL shows
 * the same data.
 */
import type { Dataset } from "./state.ts";

/** mulberry32: a small, fast, well-mixed 32-bit generator; plenty for drawing points and initial weights. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface Points {
  xs: number[][];
  /** 0 or 1 each. */
  labels: number[];
}

type Draw = (random: () => number, i: number, n: number) => [number, number, number];

const uniform = (random: () => number) => 2 * random() - 1;

const draws: Record<Dataset, Draw> = {
  // Quadrants, kept a little away from the axes so that the classes are separable without noise.
  xor: (random) => {
    const pad = 0.08;
    const side = () => (random() < 0.5 ? -1 : 1) * (pad + (1 - pad) * random() * 0.92);
    const x = side();
    const y = side();
    return [x, y, x * y > 0 ? 1 : 0];
  },
  circles: (random, i) => {
    const inner = i % 2 === 0;
    const r = inner ? 0.45 * Math.sqrt(random()) : 0.65 + 0.3 * random();
    const angle = 2 * Math.PI * random();
    return [r * Math.cos(angle), r * Math.sin(angle), inner ? 1 : 0];
  },
  gaussians: (random, i) => {
    const label = i % 2;
    const centre = label === 1 ? 0.45 : -0.45;
    return [centre + 0.2 * gaussian(random), centre + 0.2 * gaussian(random), label];
  },
  spiral: (random, i, n) => {
    const label = i % 2;
    const t = (Math.floor(i / 2) / Math.ceil(n / 2)) * 1.75 * Math.PI;
    const r = 0.1 + (0.85 * t) / (1.75 * Math.PI);
    const angle = t + label * Math.PI + 0.05 * random();
    return [r * Math.sin(angle), r * Math.cos(angle), label];
  },
  linear: (random) => {
    const x = uniform(random);
    const y = uniform(random);
    return [x, y, 0.6 * x - y + 0.1 > 0 ? 1 : 0];
  },
};

export function makeDataset(kind: Dataset, n: number, noise: number, seed: number): Points {
  const random = rng(seed);
  const xs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const [x, y, label] = draws[kind](random, i, n);
    // Noise moves a point after its label is decided, so more noise means more overlap.
    xs.push([x + noise * gaussian(random), y + noise * gaussian(random)]);
    labels.push(label);
  }
  return { xs, labels };
}
