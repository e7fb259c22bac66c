/** One colour scale for the whole page: orange for class 0 and negative values, blue for class 1 and positive. */
export const ORANGE: [number, number, number] = [245, 147, 34];
export const BLUE: [number, number, number] = [8, 119, 189];
const WHITE: [number, number, number] = [248, 248, 248];

/** t in [−1, 1]: −1 orange, 0 white, +1 blue. */
export function diverging(t: number): [number, number, number] {
  const c = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const [from, k] = c < 0 ? [ORANGE, -c] : [BLUE, c];
  return [0, 1, 2].map((i) => Math.round(WHITE[i] + (from[i] - WHITE[i]) * k)) as [number, number, number];
}

export const css = ([r, g, b]: [number, number, number], alpha = 1) => `rgba(${r},${g},${b},${alpha})`;
