/**
 * Type checking is its own failure domain: a compiler that dies, or a check abandoned while a message is being
 * written, costs that submission its type warnings ("type check skipped: …") and nothing else. The grader survives,
 * and the next submission is type checked as if nothing happened. A type that takes minutes or gigabytes is
 * typecheck-bombs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TypeChecker } from "../check/typecheck.ts";
import { BOMBS, LIMITS, compilers, openBombSession, type BombSession, withBomb } from "./corpus-typecheck.ts";

let session: BombSession;

beforeAll(async () => {
  session = await openBombSession();
});

afterAll(() => session?.checker.close());

describe("a check abandoned at any moment", () => {
  // The compiler is killed while requests and answers are in flight: nothing may reach the grader as an
  // unhandled EPIPE or ERR_STREAM_DESTROYED (vitest fails the file on any unhandled error).
  it.each([1, 5, 10, 20, 40, 80, 150, 300, 600])("after %i ms is skipped, and the grader lives on", async (ms) => {
    const hurried = (await TypeChecker.open({ ...LIMITS, wallMs: ms }, { store: null })) as TypeChecker;
    try {
      const bomb = withBomb(session.clean, BOMBS["tail-recursive instantiations of growing tuples"]);
      for (let i = 0; i < 2; i++)
        expect(await hurried.check(bomb)).toEqual({
          skipped: `it ran longer than ${Number((ms / 1000).toFixed(2))} s`,
        });
    } finally {
      await hurried.close();
    }
    expect(await session.checker.check(session.honest)).toEqual(session.expectedHonest);
  });

  it("says so when the compiler dies mid-check, and starts a fresh one for the next", async () => {
    const pending = session.checker.check(
      withBomb(session.clean, BOMBS["tail-recursive instantiations of growing tuples"]),
    );
    let victims: number[] = [];
    for (let i = 0; i < 200 && victims.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      victims = compilers();
    }
    expect(victims.length).toBeGreaterThan(0);
    for (const pid of victims) process.kill(pid, "SIGKILL");
    const outcome = await pending;
    expect(outcome).toHaveProperty("skipped");
    // Which death is seen first is a race: the compiler's own signal, or its host exiting when the compiler is gone.
    expect((outcome as { skipped: string }).skipped).toMatch(
      /^(the compiler stopped \(signal SIGKILL\)|the type checker stopped \(exit code 1\))$/,
    );
    expect(await session.checker.check(session.honest)).toEqual(session.expectedHonest);
  });

  it("says so when the compiler dies as soon as it starts, before its host has looked for it", async () => {
    const fresh = (await TypeChecker.open(LIMITS, { store: null })) as TypeChecker;
    try {
      const before = new Set(compilers());
      const pending = fresh.check(withBomb(session.clean, BOMBS["tail-recursive instantiations of growing tuples"]));
      let victims: number[] = [];
      // As fast as /proc can be read: within a millisecond or so of its start, before the host's first look.
      for (let i = 0; i < 100_000 && victims.length === 0; i++) {
        await new Promise((r) => setImmediate(r));
        victims = compilers().filter((pid) => !before.has(pid));
      }
      expect(victims.length).toBeGreaterThan(0);
      for (const pid of victims) process.kill(pid, "SIGKILL");
      expect(await pending).toEqual({
        skipped: expect.stringMatching(
          /^(the compiler stopped \(signal SIGKILL\)|the type checker stopped \(exit code 1\))$/,
        ),
      });
    } finally {
      await fresh.close();
    }
  });

  it("leaves no compiler running once closed", async () => {
    const other = (await TypeChecker.open(LIMITS, { store: null })) as TypeChecker;
    await other.check(session.honest);
    const during = compilers().length;
    await other.close();
    expect(during).toBeGreaterThan(0);
    expect(await other.check(session.honest)).toEqual({ skipped: "the type checker was closed" });
    await session.checker.close();
    expect(compilers()).toEqual([]);
    session.checker = (await TypeChecker.open(LIMITS, { store: null })) as TypeChecker;
  });
});
