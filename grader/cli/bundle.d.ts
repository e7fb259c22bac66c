// Types for bundle.js, which is plain JavaScript so that launch.js can import it before anything compiles TypeScript.
import type { BuildOptions, Plugin } from "esbuild";

export function mistakeFiles(root: string): string[];
export function cliBundlePlugin(root: string, read?: Map<string, string>): Plugin;
export function cliBuildOptions(
  root: string,
  names: readonly string[],
  outdir: string,
  read?: Map<string, string>,
): BuildOptions & { metafile: true };
