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

/**
 * Exercise 08 (a bonus): the gradient check runs the student's own numericalGradient and relativeError when
 * they work. Optional: a missing or broken 08 leaves the page running on its own check, and says so.
 */
export const GRADCHECK_MODULE = ["m08", "08-gradient-check/gradcheck.ts"] as const;

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

/** The student's 04–07 (and 08 when it compiles) as one ES module exporting each file's namespace as m04 … m08. */
export async function buildStudent(root: string): Promise<StudentBundle> {
  const missing = STUDENT_MODULES.filter(([, file]) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map(([, file]) => ({ file, line: 0, column: 0, text: `${file} is missing` })),
    };
  }
  const file08 = GRADCHECK_MODULE[1];
  if (!existsSync(path.join(root, file08))) {
    return withNote(await bundle(root, STUDENT_MODULES), `${file08} is missing`);
  }
  const all = await bundle(root, [...STUDENT_MODULES, GRADCHECK_MODULE]);
  if (all.ok) return all;
  // Only 08 failed to build: run 04–07 without it, and let the page say why its own check is used.
  const required = await bundle(root, STUDENT_MODULES);
  if (!required.ok) return required;
  const own = all.problems.find((p) => p.file === file08) ?? all.problems[0];
  return withNote(required, `${file08}:${own.line}:${own.column + 1}: ${own.text}`);
}

/** The bundle, telling the page why 08 is not in it. */
function withNote(built: StudentBundle, why: string): StudentBundle {
  return built.ok ? { ok: true, js: `${built.js}\nexport const gradcheckProblem = ${JSON.stringify(why)};\n` } : built;
}

async function bundle(root: string, modules: readonly (readonly [string, string])[]): Promise<StudentBundle> {
  const contents = modules.map(([name, file]) => `export * as ${name} from "./${file}";`).join("\n");
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
