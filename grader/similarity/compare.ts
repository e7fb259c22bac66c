/**
 * Internal. Compares one exercise's files across submissions with Dolos:
 * each file is parsed with tree-sitter and reduced to its syntax tree's node
 * types (so names, comments, whitespace and literals do not count), k-grams of
 * those tokens are winnowed into fingerprints, and two files are as similar as
 * the share of their fingerprints they have in common. The stub is Dolos's
 * template: every fingerprint it contains (the signatures, the shared types and
 * doc comments, the `throw new Error("not implemented")` lines) is ignored, so
 * what every student was given never counts as shared.
 */
import { loadDolos, type DolosFragment, type DolosPair } from "./dolos.ts";
import { tokenizeText } from "./tokenize.ts";

/**
 * Dolos's own defaults: a fingerprint spans 23 tokens of the syntax tree, one kept per window of 17.
 * Shorter k-grams survive more inserted dead code but match more of what independent authors
 * write alike; the calibration (README, "Similarity") found these best of those tried.
 */
export const KGRAM_LENGTH = 23;
export const KGRAMS_IN_WINDOW = 17;
/** A file larger than this is not parsed: exercise files are a few KiB, and the tokenizer recurses. */
export const MAX_COMPARED_BYTES = 128 * 1024;

export interface Entry {
  id: string;
  text: string;
}

/** Lines 1-based, inclusive. */
export interface Span {
  from: number;
  to: number;
}

export interface SharedFragment {
  a: Span;
  b: Span;
  /** How many fingerprints long the fragment is. */
  length: number;
}

export interface PairResult {
  /** The two submissions, a before b in code-unit order. */
  a: string;
  b: string;
  /** Shared fingerprints over all fingerprints of both files, the stub's left out: 0 to 1. */
  similarity: number;
  /** The fingerprints the two files share (counted in both), and all they have, the stub's left out. */
  shared: number;
  own: number;
  /** The longest run of shared fingerprints, in fingerprints. */
  longest: number;
  /** The fragments, for the pairs shown side by side (empty for the others). */
  fragments: SharedFragment[];
}

export interface Skipped {
  id: string;
  reason: string;
}

export interface ExerciseSimilarity {
  exercise: string;
  /** The files compared, by submission id (the texts, for the side-by-side view). */
  files: Map<string, string>;
  /** Each compared file's fingerprints, the stub's left out. */
  own: Map<string, number>;
  skipped: Skipped[];
  /** Every pair that shares at least one fingerprint, most similar first. */
  pairs: PairResult[];
}

const squash = (text: string) => text.replace(/\s+/g, "");

function span(region: { startRow: number; endRow: number }): Span {
  return { from: region.startRow + 1, to: Math.max(region.startRow, region.endRow) + 1 };
}

function fragments(pair: DolosPair, swapped: boolean): SharedFragment[] {
  return pair
    .buildFragments()
    .map((f: DolosFragment) => {
      const left = span(f.leftSelection);
      const right = span(f.rightSelection);
      return swapped ? { a: right, b: left, length: f.pairs.length } : { a: left, b: right, length: f.pairs.length };
    })
    .sort((x, y) => y.length - x.length || x.a.from - y.a.from);
}

/** A file's fingerprints less those it shares with the stub. */
function ownTotal(entry: DolosPair["leftEntry"]): number {
  let ignored = 0;
  for (const fingerprint of entry.ignored) ignored += fingerprint.occurrencesOf(entry.file).length;
  return entry.kgrams.length - ignored;
}

function samePairs(ids: string[], own: number): PairResult[] {
  const pairs: PairResult[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      pairs.push({
        a: ids[i],
        b: ids[j],
        similarity: 1,
        shared: 2 * own,
        own: 2 * own,
        longest: own,
        fragments: [],
      });
  return pairs;
}

/**
 * Compares `entries` (one exercise's file from each submission) against each other.
 * `detail(pairs)` says which pairs get their fragments, for the side-by-side view.
 * Files with the same text are compared once: a class often holds many exact copies,
 * and Dolos's cost grows with the square of what two files share.
 */
export async function compareExercise(
  exercise: string,
  entries: Entry[],
  stub: string,
  detail: (pairs: PairResult[]) => Set<PairResult>,
): Promise<ExerciseSimilarity> {
  const { lib, tokenizer } = await loadDolos();
  const skipped: Skipped[] = [];
  const files = new Map<string, string>();
  /** text → the ids that have it; the first id stands for the others in Dolos's index. */
  const copies = new Map<string, string[]>();
  const tokenized = [];
  for (const { id, text } of entries) {
    if (squash(text) === squash(stub)) skipped.push({ id, reason: "the stub, unchanged" });
    else if (Buffer.byteLength(text) > MAX_COMPARED_BYTES)
      skipped.push({ id, reason: `larger than ${MAX_COMPARED_BYTES / 1024} KiB` });
    else if (copies.has(text)) {
      copies.get(text)!.push(id);
      files.set(id, text);
    } else {
      try {
        tokenized.push(tokenizeText(lib, tokenizer, id, text));
        copies.set(text, [id]);
        files.set(id, text);
      } catch (error) {
        skipped.push({ id, reason: `could not be parsed: ${(error as Error).message.split("\n")[0]}` });
      }
    }
  }
  if (files.size < 2) return { exercise, files, own: new Map(), skipped, pairs: [] };
  const index = new lib.FingerprintIndex(KGRAM_LENGTH, KGRAMS_IN_WINDOW, false);
  index.addFiles(tokenized);
  index.addIgnoredFile(tokenizeText(lib, tokenizer, "stub", stub));
  const own = new Map<string, number>();
  /** With no Dolos pair, the two files are the same text: one fragment, the whole file. */
  const found: { result: PairResult; pair?: DolosPair; swapped: boolean }[] = [];
  const add = (result: PairResult, pair?: DolosPair) => {
    const [a, b] = result.a < result.b ? [result.a, result.b] : [result.b, result.a];
    found.push({ result: { ...result, a, b }, pair, swapped: a !== result.a });
  };
  for (const entry of index.entries()) {
    const ids = copies.get(files.get(entry.file.path)!)!;
    const n = ownTotal(entry);
    for (const id of ids) own.set(id, n);
    if (n > 0) for (const p of samePairs(ids, n)) add(p);
  }
  for (const pair of index.allPairs()) {
    const left = copies.get(files.get(pair.leftEntry.file.path)!)!;
    const right = copies.get(files.get(pair.rightEntry.file.path)!)!;
    const both = own.get(left[0])! + own.get(right[0])!;
    const shared = pair.leftCovered + pair.rightCovered;
    if (both <= 0 || shared === 0) continue;
    const similarity = Math.min(1, shared / both);
    for (const l of left)
      for (const r of right)
        add({ a: l, b: r, similarity, shared, own: both, longest: pair.longest, fragments: [] }, pair);
  }
  found.sort(
    (x, y) =>
      y.result.similarity - x.result.similarity ||
      y.result.longest - x.result.longest ||
      (x.result.a + x.result.b < y.result.a + y.result.b ? -1 : 1),
  );
  const pairs = found.map((f) => f.result);
  const chosen = detail(pairs);
  for (const f of found) {
    if (!chosen.has(f.result)) continue;
    const whole = { from: 1, to: files.get(f.result.a)!.split("\n").length };
    f.result.fragments = f.pair ? fragments(f.pair, f.swapped) : [{ a: whole, b: whole, length: f.result.longest }];
  }
  return { exercise, files, own, skipped, pairs };
}
