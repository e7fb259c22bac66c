/**
 * A type of a few hundred bytes that takes minutes or gigabytes costs that submission its type warnings ("type
 * check skipped: …") and nothing else: the check is stopped at its limits, the next submission is type checked as
 * if nothing happened, and `npm run grade` grades every submission in full and exits when it is done. Each bomb
 * runs to a limit, so `npm run test:fast` leaves this file out; a compiler that dies is typecheck-domain.test.ts.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TypeCheck } from "../check/typecheck.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { paths } from "../paths.ts";
import { cliArgs } from "./cli-bundle.ts";
import { BOMBS, LIMITS, STOPPED_BY, openBombSession, type BombSession, withBomb } from "./corpus-typecheck.ts";

const bombed: TypeCheck[] = [];
let session: BombSession;

beforeAll(async () => {
  session = await openBombSession();
});

afterAll(() => session?.checker.close());

describe("a type check that goes over its limits", () => {
  it("finds the honest type error the comparisons below rely on", () => {
    expect("warnings" in session.expectedHonest && session.expectedHonest.warnings.map((w) => w.code)).toEqual([2322]);
  });

  it.each(Object.entries(BOMBS))("%s: this check alone is skipped or warned, the next is whole", async (_, bomb) => {
    const started = performance.now();
    const outcome = await session.checker.check(withBomb(session.clean, bomb));
    bombed.push(outcome);
    expect(performance.now() - started).toBeLessThan(LIMITS.wallMs + 10_000);
    if ("skipped" in outcome)
      expect([...STOPPED_BY, "it ran out of memory", "the compiler's stack overflowed"]).toContain(outcome.skipped);
    else expect(outcome.warnings.every((w) => w.file.startsWith("exercises/"))).toBe(true);
    expect(await session.checker.check(session.honest)).toEqual(session.expectedHonest);
  });

  it("holds the bombs to the limits: most are skipped, with the limit that stopped them", () => {
    expect(bombed.length).toBe(Object.keys(BOMBS).length);
    expect(bombed.filter((o) => "skipped" in o).length).toBeGreaterThanOrEqual(4);
  });

  it("skips a bomb queued between honest checks, and only the bomb", async () => {
    const bomb = withBomb(
      session.clean,
      BOMBS["tail-recursive instantiations of growing tuples"],
      "03-activations/activations.ts",
    );
    const [before, bombed, after] = await Promise.all([
      session.checker.check(session.honest),
      session.checker.check(bomb),
      session.checker.check(session.honest),
    ]);
    expect(before).toEqual(session.expectedHonest);
    expect(bombed).toHaveProperty("skipped");
    expect(after).toEqual(session.expectedHonest);
  });
});

describe("npm run grade on a class with type bombs", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-typebombs-"));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("grades every submission in full, skips only the bombs' type checks, and exits 0", async () => {
    const cls = path.join(tmp, "class");
    const put = async (id: string, from: string, file?: string, extra?: string) => {
      await mkdir(path.join(cls, id), { recursive: true });
      await cp(from, path.join(cls, id, "exercises"), { recursive: true });
      if (file && extra) await appendFile(path.join(cls, id, "exercises", file), `\n${extra}\n`);
    };
    await put("clean-a", paths.solutions);
    await put("clean-b", paths.exercises);
    await put("clean-c", paths.solutions, "05-delta/delta.ts", "export const wrong: string = 1;");
    const kinds = [
      "a recursive template literal that doubles a string",
      "a huge union built by template literals",
      "mapped types over a 10 000-member union, compared",
      "tail-recursive instantiations of growing tuples",
      "deep conditional types that infer at every level",
    ];
    const files = ["01-linear-algebra/linalg.ts", "03-activations/activations.ts", "05-delta/delta.ts"];
    for (const [i, kind] of kinds.entries())
      await put(`bomb-${i}`, paths.solutions, files[i % files.length], BOMBS[kind]);
    await put("clean-d", paths.solutions);

    const out = path.join(tmp, "results");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      cliArgs("grade", [cls, "--out", out, "--jobs", "2"]),
      {
        cwd: paths.root,
        timeout: 300_000,
        env: { ...process.env, BACKPROP_TEST_TYPECHECK_LIMITS: JSON.stringify(LIMITS) },
      },
    );
    expect(stdout).toContain(`${kinds.length + 4} graded now`);

    const results = Object.fromEntries(
      readdirSync(cls).map((id) => [
        id,
        SubmissionResultSchema.parse(JSON.parse(readFileSync(path.join(out, id, "results.json"), "utf8"))),
      ]),
    );
    // Every point of the required exercises (the bonus exercises are not in the solutions).
    const full = results["clean-a"].score;
    expect(full).toBeGreaterThan(0);
    for (const id of ["clean-a", "clean-c", "clean-d", ...kinds.map((_, i) => `bomb-${i}`)]) {
      expect(results[id].grading_status, id).toBe("graded");
      expect(results[id].score, id).toBe(full);
    }
    for (const id of ["clean-a", "clean-b", "clean-d"]) {
      expect(results[id].note, id).toBe("");
      expect(results[id].type_warnings, id).toBeDefined();
    }
    expect(results["clean-a"].type_warnings).toEqual([]);
    expect(results["clean-c"].type_warnings?.map((w) => [w.file, w.code])).toEqual([
      ["exercises/05-delta/delta.ts", 2322],
    ]);
    const skipped = kinds.map((_, i) => results[`bomb-${i}`]).filter((r) => r.note.startsWith("type check skipped: "));
    expect(skipped.length).toBeGreaterThanOrEqual(3);
    for (const r of skipped) expect(r.type_warnings).toBeUndefined();
    expect(await readFile(path.join(out, "gradebook.csv"), "utf8")).toContain("bomb-4");
  }, 400_000);
});
