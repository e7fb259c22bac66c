/** A helper process's stderr keeps the cause of its death at either end, within its bound. */
import { describe, expect, it } from "vitest";
import { KeptStderr } from "../sandbox/kept-stderr.ts";

const dump = (n: number) => Array.from({ length: n }, (_, i) => `goroutine ${i} [running]:\n\tmain.f()\n`).join("");

describe("KeptStderr", () => {
  it.each([
    {
      label: "a short report, whole",
      chunks: ["the compiler exited (signal SIGKILL)\n"],
      keeps: [/exited \(signal SIGKILL\)/],
    },
    {
      label: "Go's reason before a long goroutine dump",
      chunks: ["runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n", dump(2000)],
      keeps: [/stack overflow/, /goroutine 1999 \[running\]/],
    },
    {
      label: "the host's last line after a long dump, in many small chunks",
      chunks: [...dump(2000).match(/[^]{1,100}/g)!, "the compiler exited (exit code 2)\n"],
      keeps: [/goroutine 0 \[running\]/, /the compiler exited \(exit code 2\)/],
    },
  ])("keeps $label", ({ chunks, keeps }) => {
    const kept = new KeptStderr(4096);
    for (const chunk of chunks) kept.push(Buffer.from(chunk));
    for (const pattern of keeps) expect(kept.text()).toMatch(pattern);
    expect(kept.text().length).toBeLessThanOrEqual(2 * 4096 + 3);
  });
});
