/**
 * Internal. Bounds what compiling may hand the sandbox. A small source can
 * compile to a huge bundle: esbuild copies an enum member's value into every
 * place that uses it, so a 90 KB file with one long string member used a
 * thousand times becomes a 90 MB bundle, and a chain of members that each
 * double the one before grows exponentially. A sandbox given that runs out of
 * memory before it can start, every time. So each exercise's bundle, and all of
 * a submission's together, are measured on the trusted side before any
 * sandbox starts; an exercise over the limit fails with the reason, and the
 * others are graded as usual.
 */

/** One exercise's compiled module (with its source map); honest bundles here stay under 100 KB. */
export const MAX_BUNDLE_BYTES = 4 * 2 ** 20;
/** All of one submission's modules: what one sandbox is given on its standard input. */
export const MAX_BUNDLES_BYTES = 16 * 2 ** 20;

const mb = (bytes: number) => `${Number((bytes / 2 ** 20).toFixed(1))} MB`;

/** The size that counts: esbuild writes ASCII (it escapes the rest), so length is bytes; the map rides along. */
export function bundleBytes(bundle: { code: string; map: string }): number {
  return bundle.code.length + bundle.map.length;
}

/**
 * Which exercises' bundles are refused, with the reason: each one over MAX_BUNDLE_BYTES, then the largest of
 * the rest until the others fit in MAX_BUNDLES_BYTES together.
 */
export function oversizedBundles(sizes: Record<string, number>): Map<string, string> {
  const refused = new Map<string, string>();
  const kept: [string, number][] = [];
  for (const [id, bytes] of Object.entries(sizes)) {
    if (bytes > MAX_BUNDLE_BYTES)
      refused.set(id, `the compiled bundle is ${mb(bytes)}, over the ${mb(MAX_BUNDLE_BYTES)} limit`);
    else kept.push([id, bytes]);
  }
  let total = kept.reduce((sum, [, bytes]) => sum + bytes, 0);
  // Largest first, ties by id, so the same submission always loses the same exercises.
  kept.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  for (const [id, bytes] of kept) {
    if (total <= MAX_BUNDLES_BYTES) break;
    refused.set(
      id,
      `the compiled bundle is ${mb(bytes)}, and the submission's bundles together are over the ` +
        `${mb(MAX_BUNDLES_BYTES)} limit`,
    );
    total -= bytes;
  }
  return refused;
}
