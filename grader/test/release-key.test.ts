/**
 * `npm run release` without GRADER_KEY makes a key and prints where to keep
 * it: the course-side path first, and each path's trade-off in the printed
 * advice itself, never a bare command that hands the key to every student.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKey } from "../check/sealed.ts";
import { paths } from "../paths.ts";
import { sh, type Ran } from "./release-helpers.ts";

let tmp: string;
let ran: Ran;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-release-key-"));
  ran = await sh(
    path.join(paths.root, "node_modules", ".bin", "tsx"),
    ["grader/release/cli.ts", path.join(tmp, "student")],
    paths.root,
  );
}, 300_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("the release's key advice", () => {
  it("prints the new key once", () => {
    expect(ran.code).toBe(0);
    const key = /^ {2}GRADER_KEY=(\S+)$/m.exec(ran.stdout)?.[1] ?? "";
    expect(() => parseKey(key)).not.toThrow();
  });

  it("recommends the course-side path first, with its trade-off", () => {
    const course = ran.stdout.indexOf("1. With the course only (recommended)");
    const students = ran.stdout.indexOf("2. In students' repositories");
    expect(course).toBeGreaterThan(0);
    expect(students).toBeGreaterThan(course);
    expect(ran.stdout.slice(course, students)).toMatch(/Trade-off: students get no hidden-case feedback/);
  });

  it("names the price of giving students' repositories the key, and never suggests --visibility all", () => {
    const students = ran.stdout.slice(ran.stdout.indexOf("2. In students' repositories"));
    expect(students).toMatch(
      /Trade-off: anyone who can edit a workflow .* can print it and decrypt\s+every hidden case/s,
    );
    expect(ran.stdout).not.toContain("--visibility all");
  });
});
