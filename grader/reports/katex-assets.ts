/**
 * Internal. KaTeX's stylesheet and fonts, copied once per run into
 * results/assets/katex/, which every feedback page links relatively.
 *
 * Copied rather than inlined: the fonts are ~300 KB even as woff2 alone, and
 * inlining them as data: URLs in each of 400 pages would write over 100 MB of
 * duplicates. One shared copy keeps each page a few tens of KB and still works
 * from disk with no network. The copy is of the katex that renders the pages
 * (the one imported by markdown.ts), so the CSS always matches its markup.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { writeAtomic } from "../batch/atomic.ts";
import { OUT_NAMES } from "../batch/out-names.ts";

const require = createRequire(import.meta.url);

/** Where KaTeX's dist folder is, and its version. */
export function katexDist(): { dir: string; version: string } {
  const pkg = require.resolve("katex/package.json");
  return { dir: path.join(path.dirname(pkg), "dist"), version: (require(pkg) as { version: string }).version };
}

/** results/assets/katex, relative to the results folder. */
export const KATEX_ASSETS = path.join(OUT_NAMES.assets, "katex");

/** Copies katex.min.css and its fonts into <out>/assets/katex, unless this version is already there. */
export async function copyKatexAssets(out: string): Promise<string> {
  const { dir, version } = katexDist();
  const target = path.join(out, KATEX_ASSETS);
  const stamp = path.join(target, "VERSION");
  if ((await readFile(stamp, "utf8").catch(() => "")) === version) return target;
  await mkdir(target, { recursive: true });
  await cp(path.join(dir, "fonts"), path.join(target, "fonts"), { recursive: true, force: true });
  await writeAtomic(path.join(target, "katex.min.css"), await readFile(path.join(dir, "katex.min.css")));
  // The stamp goes last: a run cut short leaves no stamp, and the next run copies again.
  await writeFile(stamp, version);
  return target;
}
