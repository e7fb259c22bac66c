/**
 * The bench's account of a missed throughput target (bench/targets.ts): silent when the target is met, and when it
 * is missed, the arithmetic that says what would meet it.
 */
import { describe, expect, it } from "vitest";
import type { CpuSplit } from "../../bench/cpu.ts";
import { ceiling, rateShortfall, ratioShortfall, type BatchFigures } from "../../bench/targets.ts";

/** A batch of 200 that took `seconds` and `totalMsEach` ms of CPU per submission, half of it in sandboxes. */
function batch(seconds: number, totalMsEach: number): BatchFigures {
  const n = 200;
  const totalMs = totalMsEach * n;
  const split: CpuSplit = {
    ms: seconds * 1000,
    totalMs,
    sandboxesMs: totalMs / 2,
    compileMs: totalMs / 10,
    typecheckMs: totalMs / 10,
    graderMs: totalMs / 10,
    reportsMs: totalMs / 20,
    otherMs: totalMs * 0.15,
    reapedMs: totalMs / 3,
    treeMiB: 900,
    code: 0,
  };
  return { n, split };
}

describe("a rate target", () => {
  it.each([
    // 200 in 10 s is 20/s; 2 cores on 100 ms each allow 20/s.
    { label: "met exactly", b: batch(10, 100), target: 20, says: undefined },
    { label: "passed", b: batch(10, 100), target: 16, says: undefined },
    {
      label: "missed below its ceiling (18/s of 20/s, 90%; 20/s at 90% needs 90 ms)",
      b: batch(200 / 18, 100),
      target: 20,
      says: /18\.0\/s is 90% of its ceiling of 20\.0\/s .*sandboxes 50, .*at that share, 20\/s needs 90 ms per submission, 10 ms less/,
    },
    {
      label: "missed above its ceiling",
      b: batch(200 / 12, 160),
      target: 13,
      says: /ceiling of 12\.5\/s .*13\/s is above that ceiling, so it needs under 154 ms per submission/,
    },
  ])("$label", ({ b, target, says }) => {
    const reason = rateShortfall(b, 2, target);
    if (says === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(says);
  });

  it("lists the parts largest first", () => {
    expect(rateShortfall(batch(20, 100), 2, 16)).toMatch(
      /sandboxes 50, other 15, compile 10, type check 10, grader 10, reports 5\)/,
    );
  });

  it("takes the ceiling as every core busy on the batch's CPU", () => {
    expect(ceiling(batch(10, 100), 2)).toBe(20);
    expect(ceiling(batch(10, 100), 4)).toBe(40);
  });
});

describe("the batch/loop ratio", () => {
  it.each([
    // 20/s against a loop of 1.3 s: 26×.
    { label: "met", b: batch(10, 100), loopMs: 1300, says: undefined },
    {
      label: "missed because the loop is fast: 25× 750 ms needs 33.3/s, above the ceiling of 20/s",
      b: batch(11, 100),
      loopMs: 750,
      says: /25× a loop of 750 ms per submission is 33\.3\/s; the batch ran 18\.2\/s, with a ceiling of 20\.0\/s .*needs under 60 ms of CPU per submission .*or a loop slower than 1250 ms per submission/,
    },
    {
      label: "missed within the ceiling",
      b: batch(40, 50),
      loopMs: 1100,
      says: /is 22\.7\/s; the batch ran 5\.0\/s, with a ceiling of 40\.0\/s .*within the ceiling, at 57% of it, where the batch used 13%/,
    },
  ])("$label", ({ b, loopMs, says }) => {
    const reason = ratioShortfall(b, 2, loopMs, 25);
    if (says === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(says);
  });
});
