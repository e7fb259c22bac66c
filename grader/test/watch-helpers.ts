/**
 * Watch mode driven as a student drives it: a real process, keys on stdin, the screen read from stdout.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { paths } from "../paths.ts";

export interface Watched {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed so far. */
  output(): string;
  /**
   * Resolves with what was printed after `from` once it matches `pattern`; fails after 60 s (a loaded machine
   * running two test files at once has taken over 20 s for the first full check).
   */
  waitFor(pattern: RegExp, from: number): Promise<string>;
}

export function startWatch(args: string[]): Watched {
  const child = spawn(process.execPath, args, {
    cwd: paths.root,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const seen = out.slice(from);
        if (pattern.test(seen)) resolve(seen);
        else if (Date.now() - started > 60_000) reject(new Error(`no ${pattern} in:\n${seen}`));
        else setTimeout(poll, 10);
      };
      poll();
    });
  return { child, output: () => out, waitFor };
}
