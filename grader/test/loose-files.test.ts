/**
 * The one rule for loose exercise files, shared by `npm run grade` and the
 * Gradescope autograder: a stub's file name, at the top or one folder down,
 * the one nearer the top winning, with the course's types.ts.
 */
import { describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { looseTarget, placeLoose } from "../submission/loose.ts";

const manifest = loadManifest();

describe("looseTarget", () => {
  it.each([
    { path: "delta.ts", target: "05-delta/delta.ts" },
    { path: "hw/linalg.ts", target: "01-linear-algebra/linalg.ts" },
    { path: "a/b/delta.ts", target: undefined },
    { path: "delta.js", target: undefined },
    { path: "Delta.ts", target: undefined },
    { path: "types.ts", target: undefined },
    { path: "my-delta.ts", target: undefined },
    { path: "exercises/", target: undefined },
    { path: "delta (1).ts", target: "05-delta/delta.ts" },
    { path: "delta(2).ts", target: "05-delta/delta.ts" },
    { path: "delta-2.ts", target: "05-delta/delta.ts" },
    { path: "delta_3.ts", target: "05-delta/delta.ts" },
    { path: "hw/forward copy.ts", target: "04-forward/forward.ts" },
    { path: "forward copy 2.ts", target: "04-forward/forward.ts" },
    { path: "forward - Copy.ts", target: "04-forward/forward.ts" },
    { path: "delta (1).js", target: undefined },
    { path: "delta-new.ts", target: undefined },
    { path: "my-delta (1).ts", target: undefined },
    { path: "types (1).ts", target: undefined },
  ])("places $path at $target", ({ path, target }) => {
    expect(looseTarget(path, manifest)).toBe(target);
  });
});

describe("placeLoose", () => {
  it.each([
    {
      name: "the one nearer the top wins",
      found: ["old/delta.ts", "delta.ts"],
      placed: { "05-delta/delta.ts": "delta.ts" },
    },
    {
      name: "then the first in path order",
      found: ["b/delta.ts", "a/delta.ts"],
      placed: { "05-delta/delta.ts": "a/delta.ts" },
    },
    {
      name: "other files are left out",
      found: ["notes.txt", "hw/forward.ts", "hw/helper.ts"],
      placed: { "04-forward/forward.ts": "hw/forward.ts" },
    },
    {
      name: "a lone duplicate download stands in for a missing file, with a note",
      found: ["delta (1).ts", "forward.ts"],
      placed: { "05-delta/delta.ts": "delta (1).ts", "04-forward/forward.ts": "forward.ts" },
      notes: ["took delta (1).ts as delta.ts"],
    },
    {
      name: "the stub's own name wins over a duplicate, silently",
      found: ["delta (1).ts", "delta.ts"],
      placed: { "05-delta/delta.ts": "delta.ts" },
    },
    {
      name: "several duplicates and no original: none is taken",
      found: ["delta (1).ts", "delta-2.ts", "forward.ts"],
      placed: { "04-forward/forward.ts": "forward.ts" },
      notes: ["found delta (1).ts, delta-2.ts and no delta.ts: none was taken, since which one is meant is unclear"],
    },
  ])("$name, with the course's types.ts", ({ found, placed, notes }) => {
    const result = placeLoose(new Map(found.map((f) => [f, f])), () => "course types", manifest);
    expect(Object.fromEntries(result!.files)).toEqual({ ...placed, "types.ts": "course types" });
    expect(result!.notes).toEqual(notes ?? []);
  });

  it("finds nothing in a folder of other files", () => {
    expect(placeLoose(new Map([["README.md", "x"]]), () => "t", manifest)).toBeUndefined();
  });
});
