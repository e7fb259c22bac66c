/**
 * `npm run check` on an 80-column terminal, as a student sees it: nothing wider than the screen, a mistake seen in
 * five cases shown once, a warm word when everything passes, and watch mode on a real 80×24 pseudo-terminal (util-linux
 * `script`) redrawing in place, read back through a headless terminal emulator (@xterm/headless), so that the named
 * mistake is still on screen after each save.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import xterm from "@xterm/headless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { cliArgs } from "./cli-bundle.ts";
import { wrapLine, visibleLength } from "../check/wrap.ts";

const run = promisify(execFile);
let tmp: string;
/** The reference with 05's δ missing its g′(f) factor: one named mistake in every public case. */
let mistaken: string;

const check = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, cliArgs("check", args), {
    cwd: paths.root,
    env: { ...process.env, NO_COLOR: "1", COLUMNS: "80", ...env },
  });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-terminal-"));
  mistaken = path.join(tmp, "mistaken");
  await cp(paths.solutions, mistaken, { recursive: true });
  await cp(
    path.join(paths.demoClass, "dee-forgets-gprime/exercises/05-delta/delta.ts"),
    path.join(mistaken, "05-delta/delta.ts"),
  );
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("wrapLine", () => {
  it.each([
    { line: "short", width: 80, lines: 1 },
    { line: `      input: ${"[1.25, -0.5], ".repeat(20)}`, width: 80, lines: 5 },
    { line: `  \x1b[31m✗\x1b[39m ${"x".repeat(200)} end`, width: 40, lines: 7 },
    { line: `    𝐖 ${"δ^[l] ".repeat(30)}`, width: 60, lines: 4 },
  ])("fits $width columns, indenting what follows", ({ line, width, lines }) => {
    const out = wrapLine(line, width);
    expect(out).toHaveLength(lines);
    for (const l of out) expect(visibleLength(l)).toBeLessThanOrEqual(width);
    const indent = /^ */.exec(line)![0].length;
    for (const l of out.slice(1)) expect(l.startsWith(" ".repeat(indent + 2))).toBe(true);
    expect(out.join(" ").replace(/\s+/g, "")).toBe(line.replace(/\s+/g, ""));
  });
});

describe("npm run check at 80 columns", () => {
  it("keeps every line within 80 columns, and shows a mistake repeated in five cases once", async () => {
    const { stdout } = await check(["05", "--dir", mistaken]);
    for (const line of stdout.split("\n")) expect(visibleLength(line), line).toBeLessThanOrEqual(80);
    expect(stdout.match(/likely mistake: δ without the g′\(f\) factor/g)).toHaveLength(1);
    expect(stdout.match(/Your δ is what you get/g)).toHaveLength(1);
    expect(stdout).toMatch(/the same mistake in 4 more cases: δ for a/);
    // The five cases named with the same mistake share one full report; a case where the mistake cannot be told
    // from its neighbours (05's one-layer tanh case) is shown in full beside it, so one "returned by" per case shown.
    const shown = stdout.match(/^ {2}✗ deltas:/gm) ?? [];
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(stdout.match(/returned by/g)).toHaveLength(shown.length);
  });

  it("says so warmly when every exercise is done, never 'N/M points' with N above M", async () => {
    const { stdout } = await check(["--dir", paths.solutions]);
    expect(stdout).toMatch(/All 9 exercises are done, and every case passes\./);
    expect(stdout).toMatch(/Well done!/);
    const [, got, of] = /, (\d+)\/(\d+) points, plus \d+\/\d+ bonus points/.exec(stdout)!;
    expect(Number(got)).toBe(Number(of));
  });

  it("never says 'expected expected'", async () => {
    const dir = path.join(tmp, "strings");
    await cp(paths.solutions, dir, { recursive: true });
    const file = path.join(dir, "03-activations/activations.ts");
    const source = await readFile(file, "utf8");
    await writeFile(
      file,
      source.replace(/(export function sigmoid\(z: number\): number \{)/, '$1\n  return "0.5" as any;'),
    );
    const { stdout } = await check(["03", "--dir", dir]);
    expect(stdout).toMatch(/expected a number, received/);
    expect(stdout).not.toMatch(/expected expected/);
  });
});

/** The text on an 80×24 screen after `output` was written to it. */
async function screen(output: string): Promise<string[]> {
  const term = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(output, resolve));
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let i = 0; i < 24; i++) rows.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? "");
  term.dispose();
  return rows;
}

const linuxScript = process.platform === "linux" && existsSync("/usr/bin/script");

describe.runIf(linuxScript)("watch mode on an 80×24 terminal", () => {
  it("redraws in place after each save, with the named mistake on screen", async () => {
    const dir = path.join(tmp, "watched");
    await cp(mistaken, dir, { recursive: true });
    const command = [process.execPath, ...cliArgs("check", ["--watch", "05", "--dir", dir])]
      .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
      .join(" ");
    const child = spawn("script", ["-qfec", `stty cols 80 rows 24; exec ${command}`, "/dev/null"], {
      cwd: paths.root,
      env: { ...process.env, TERM: "xterm-256color", NO_COLOR: "1", COLUMNS: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const checks = () => out.match(/\[watch\] checked 05-delta/g)?.length ?? 0;
    const until = async (n: number) => {
      const started = Date.now();
      while (checks() < n) {
        if (Date.now() - started > 60_000) throw new Error(`watch printed no check ${n}:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 200));
    };
    try {
      await until(1);
      const first = await screen(out);
      expect(first.join("\n")).toMatch(/likely mistake: δ without the g′\(f\) factor/);
      expect(first.join("\n")).toMatch(/── 05 The δ recursion ──/);
      // Saved again: the screen is drawn anew, not appended to.
      const file = path.join(dir, "05-delta/delta.ts");
      await writeFile(file, `${await readFile(file, "utf8")}\n// saved\n`);
      await until(2);
      const second = (await screen(out)).join("\n");
      expect(second.match(/── 05 The δ recursion ──/g)).toHaveLength(1);
      expect(second).toMatch(/likely mistake: δ without the g′\(f\) factor/);
      expect(second).toMatch(/keys: h next hint/);
      child.stdin.write("q");
      expect(await new Promise((r) => child.on("close", r))).toBe(0);
    } finally {
      child.kill();
    }
  });
});
