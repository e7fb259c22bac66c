/**
 * The two bundles the playground serves: the page's own code (built once at
 * start) and the student's exercise code (built again on every save). Both are
 * built by esbuild in memory; nothing is written to disk.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

/** The page's code and stylesheet; loaded by path, so the release builder follows it. */
const CLIENT_ENTRY = fileURLToPath(new URL("./client/main.ts", import.meta.url));

/** The exercises the page runs, by module, with the file each lives in. */
export const STUDENT_MODULES = [
  ["m04", "04-forward/forward.ts"],
  ["m05", "05-delta/delta.ts"],
  ["m06", "06-gradients/gradients.ts"],
  ["m07", "07-gradient-descent/descent.ts"],
] as const;

export interface ClientBundle {
  js: string;
  css: string;
}

export async function buildClient(): Promise<ClientBundle> {
  const built = await esbuild.build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    outdir: "out",
    logLevel: "silent",
  });
  const pick = (ext: string) => built.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? "";
  return { js: pick(".js"), css: pick(".css") };
}

/** One compiler message, with the file relative to the implementation folder. */
export interface CompileProblem {
  file: string;
  line: number;
  column: number;
  text: string;
}

export type StudentBundle = { ok: true; js: string } | { ok: false; problems: CompileProblem[] };

/** Exercise files may import only other files of the same folder, as in grading. */
function stayInside(root: string): esbuild.Plugin {
  return {
    name: "stay-inside",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const relative = args.path.startsWith("./") || args.path.startsWith("../");
        const target = path.resolve(args.resolveDir, args.path);
        if (!relative || !(target === root || target.startsWith(root + path.sep))) {
          return {
            errors: [
              {
                text: `cannot import "${args.path}": exercise files may import only other exercise files, with relative paths`,
              },
            ],
          };
        }
        return undefined;
      });
    },
  };
}

/** The student's 04–07 as one ES module exporting each file's namespace as m04 … m07. */
export async function buildStudent(root: string): Promise<StudentBundle> {
  const missing = STUDENT_MODULES.filter(([, file]) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map(([, file]) => ({ file, line: 0, column: 0, text: `${file} is missing` })),
    };
  }
  const contents = STUDENT_MODULES.map(([name, file]) => `export * as ${name} from "./${file}";`).join("\n");
  try {
    const built = await esbuild.build({
      absWorkingDir: root,
      stdin: { contents, resolveDir: root, sourcefile: "playground-entry.js", loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      sourcemap: "inline",
      sourceRoot: "",
      logLevel: "silent",
      plugins: [stayInside(root)],
    });
    return { ok: true, js: built.outputFiles[0].text };
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    return {
      ok: false,
      problems: failure.errors.map((m) => ({
        file: m.location ? path.relative(root, path.resolve(root, m.location.file)) : "",
        line: m.location?.line ?? 0,
        column: m.location?.column ?? 0,
        text: m.text,
      })),
    };
  }
}
