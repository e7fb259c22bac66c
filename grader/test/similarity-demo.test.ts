/**
 * The demo class is written by independent authors: with a renamed copy of
 * one student planted in it, the similarity report must put that copy on top
 * and flag no other pair. Runs wherever Dolos is installed, as the
 * calibration does.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { analyzeClass, type ClassSimilarity } from "../similarity/analyze.ts";
import { installed } from "../similarity/dolos.ts";
import { SIMILARITY_THRESHOLD } from "../similarity/flag.ts";
import { readSources } from "../similarity/sources.ts";
import { renameIdentifiers } from "./similarity-disguise.ts";

const manifest = loadManifest();
const COPIED = "ada-complete";
const PLANTED = "zed-renamed-copy";

describe.skipIf(!installed())("similarity of the demo class with a planted renamed copy", () => {
  let result: ClassSimilarity;

  beforeAll(async () => {
    const sources = await readSources([path.join(paths.root, "fixtures", "submissions")], manifest);
    const original = sources.submissions.find((s) => s.id === COPIED);
    if (!original) throw new Error(`the demo class has no ${COPIED}`);
    const copy = new Map([...original.files].map(([exercise, text]) => [exercise, renameIdentifiers(text)]));
    result = await analyzeClass(
      { submissions: [...sources.submissions, { id: PLANTED, files: copy }], missing: sources.missing },
      manifest,
    );
  }, 600_000);

  it("compares every graded demo submission, and the copy", () => {
    expect(result.compared).toHaveLength(14);
  });

  it("puts the copy first, flagged", () => {
    const [top] = result.pairs;
    expect([top.a, top.b].sort()).toEqual([COPIED, PLANTED]);
    expect(top.flagged).toBe(true);
  });

  it("flags no pair of independent authors", () => {
    const others = result.pairs.slice(1).map((p) => ({ pair: `${p.a} ↔ ${p.b}`, similarity: p.similarity }));
    expect(others.filter((p) => p.similarity >= SIMILARITY_THRESHOLD)).toEqual([]);
    expect(result.pairs.slice(1).filter((p) => p.flagged)).toEqual([]);
  });
});
