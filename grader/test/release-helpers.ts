/**
 * Helpers for the release tests: run a command in a folder, list a folder's
 * files, find the files prettier would change, and pull out of the course's
 * files what must never be released (the reference solutions' function bodies,
 * the hidden cases' expected values).
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import * as z from "zod";
import { CACHE_ROOT, DiskStore } from "../disk-store.ts";
import { prettierKey, prettierStoreVersion } from "../release/format-store.ts";

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without npm's own variables leaking in from the test runner's npm. */
export function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));
  delete clean.GRADER_KEY;
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd, env: { ...clean, NO_COLOR: "1", ...env }, maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Every file under dir (relative paths), node_modules left out. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile() && !path.relative(dir, e.parentPath).split(path.sep).includes("node_modules"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

export const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The text from an opening brace to its match (braces in strings are rare enough in the solutions). */
function block(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "{") depth++;
    else if (source[i] === "}" && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/**
 * The body of every exported function and of every method of an exported
 * class in a solution file, whitespace squashed.
 */
export function functionBodies(source: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  for (const m of source.matchAll(/^export function (\w+)[^{]*\{/gm)) {
    out.push({ name: m[1], body: squash(block(source, m.index! + m[0].length - 1)) });
  }
  for (const m of source.matchAll(/^export class (\w+)[^{]*\{/gm)) {
    const cls = block(source, m.index! + m[0].length - 1);
    for (const meth of cls.matchAll(/^ {2}(?:static |get |set )?(\w+)\([^)]*\)[^{;]*\{/gm)) {
      out.push({ name: `${m[1]}.${meth[1]}`, body: squash(block(cls, meth.index! + meth[0].length - 1)) });
    }
  }
  return out;
}

/** Numbers in a value that are distinctive: not whole, and with at least `digits` significant digits. */
export function distinctiveNumbers(value: unknown, digits = 6, found = new Set<string>()): Set<string> {
  if (typeof value === "number") {
    const text = JSON.stringify(value);
    const significant = text.replace(/e.*$/i, "").replace(/[-.]/g, "").replace(/^0+/, "");
    if (!Number.isInteger(value) && significant.length >= digits) found.add(text);
  } else if (Array.isArray(value)) {
    for (const v of value) distinctiveNumbers(v, digits, found);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) distinctiveNumbers(v, digits, found);
  }
  return found;
}

export function readText(file: string): string {
  return readFileSync(file, "utf8");
}

/**
 * The files under `dir` that prettier would change, found as `prettier --check --cache --cache-strategy content .`
 * finds them in `npm run lint`: a file whose path in `dir`, options and text prettier found formatted before is not
 * formatted again. Prettier's own cache is keyed by the absolute path, and each test run builds its release in a
 * new folder, so it never answered, and checking the release's 150 files cost each run about 5 s of CPU.
 */
export async function unformatted(dir: string): Promise<{ checked: number; unformatted: string[] }> {
  const version = () => prettierStoreVersion(import.meta.url);
  const store = DiskStore.open(path.join(CACHE_ROOT, "release-test-format"), version, z.literal(true), {
    maxBytes: 64,
    maxEntries: 2_000,
  });
  const ignorePath = [".gitignore", ".prettierignore"].map((f) => path.join(dir, f));
  const found = { checked: 0, unformatted: [] as string[] };
  for (const rel of listFiles(dir).sort()) {
    const file = path.join(dir, rel);
    const info = await prettier.getFileInfo(file, { ignorePath });
    if (info.ignored || !info.inferredParser) continue;
    const options = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
    const text = readFileSync(file, "utf8");
    const key = prettierKey(rel, options, text);
    found.checked++;
    if (store?.get(key)) continue;
    if (await prettier.check(text, { ...options, filepath: file })) store?.put(key, true);
    else found.unformatted.push(rel);
  }
  return found;
}
