/**
 * Bench figures for type checking in the student's loop: a fresh `tsc` on the exercises (what a re-check would
 * cost without a session), the first check of a session, a re-check after a save, and the whole `--watch` re-run
 * after a save that brings a type error, until the warning is on screen.
 */
import { spawn } from "node:child_process";
import { appendFile, cp, writeFile } from "node:fs/promises";
import path from "node:path";
import { paths } from "../grader/paths.ts";
import { readExerciseFiles } from "../grader/engine/grade.ts";
import { TypeChecker } from "../grader/check/typecheck.ts";
import { measure } from "./measure.ts";

const SAVES = 7;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await f();
  return [value, performance.now() - started];
}

/** A session's first check and the median re-check after a save that adds a type error. */
async function session(dir: string): Promise<{ first: number; recheck: number }> {
  const checker = await TypeChecker.open({}, { store: null });
  if (!(checker instanceof TypeChecker)) throw new Error(checker.unavailable);
  try {
    const files = await readExerciseFiles(dir);
    const [, first] = await timed(() => checker.check(files));
    const times: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      files.set("05-delta/delta.ts", `${files.get("05-delta/delta.ts")}\nexport const saved${i}: string = ${i};\n`);
      const [typed, ms] = await timed(() => checker.check(files));
      if (!("warnings" in typed) || typed.warnings.length === 0) throw new Error("the type error was not found");
      times.push(ms);
    }
    return { first, recheck: median(times) };
  } finally {
    await checker.close();
  }
}

/** The `--watch` re-run after a save with a type error, until its warning is printed. */
async function watchWithTypeError(dir: string): Promise<number> {
  const child = spawn(npm, ["run", "-s", "check", "--", "--watch", "05", "--dir", dir], {
    cwd: paths.root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let seen = "";
  child.stdout.on("data", (c: Buffer) => (seen += c.toString()));
  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<void>((resolve) => {
      const poll = () => (pattern.test(seen.slice(from)) ? resolve() : setTimeout(poll, 2));
      poll();
    });
  await waitFor(/\[watch\] checked 05-delta/, 0);
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const from = seen.length;
    const started = performance.now();
    await appendFile(path.join(dir, "05-delta", "delta.ts"), `\nexport const saved${i}: string = ${i};\n`);
    await waitFor(/TS2322[\s\S]*\[watch\] checked 05-delta/, from);
    times.push(performance.now() - started);
  }
  child.stdin.end("q\n");
  await new Promise((resolve) => child.on("close", resolve));
  return median(times);
}

/** Rows for bench/run.ts's table: [measure, figure, target]. */
export async function typecheckFigures(tmp: string): Promise<[string, string, string][]> {
  const dir = path.join(tmp, "typecheck-stubs");
  await cp(paths.exercises, dir, { recursive: true });
  const config = path.join(tmp, "typecheck-tsconfig.json");
  const options = { strict: true, noEmit: true, skipLibCheck: true, module: "ESNext", moduleResolution: "bundler" };
  await writeFile(
    config,
    JSON.stringify({ compilerOptions: { ...options, lib: ["ES2023"], types: [] }, include: [dir] }),
  );
  const tsc = path.join(paths.root, "node_modules", "typescript", "bin", "tsc");
  const freshTimes: number[] = [];
  for (let i = 0; i < 3; i++) freshTimes.push((await measure(process.execPath, [tsc, "-p", config], { cwd: tmp })).ms);
  const fresh = median(freshTimes);
  const { first, recheck } = await session(dir);
  const watch = await watchWithTypeError(dir);
  const ok = (b: boolean) => (b ? "yes" : "NO");
  return [
    ["type check: a fresh tsc on the exercises (for comparison)", `${fresh.toFixed(0)} ms`, ""],
    ["type check: first check of a session", `${first.toFixed(0)} ms`, ""],
    ["type check: re-check after a save", `${recheck.toFixed(0)} ms`, `≤ 0.5 s: ${ok(recheck <= 500)}`],
    ["check --watch, re-run after a save with a type error", `${watch.toFixed(0)} ms`, `≤ 0.5 s: ${ok(watch <= 500)}`],
  ];
}
