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
  ])("$name, with the course's types.ts", ({ found, placed }) => {
    const files = placeLoose(new Map(found.map((f) => [f, f])), () => "course types", manifest);
    expect(Object.fromEntries(files!)).toEqual({ ...placed, "types.ts": "course types" });
  });

  it("finds nothing in a folder of other files", () => {
    expect(placeLoose(new Map([["README.md", "x"]]), () => "t", manifest)).toBeUndefined();
  });
});
