/**
 * Internal. The type checker's own process, started by typecheck.ts: it holds TypeScript's API client and the
 * compiler (tsgo) it spawns, so that whatever they do with a hostile file (a type that takes minutes or
 * gigabytes, a crash, a stream error while the compiler is killed mid-write) ends this process, never the
 * grader. The grader measures and kills the whole process group; nothing here has to end cleanly.
 *
 * Messages (Node IPC, structured clone): in `{ id, files }`, out `{ id, warnings }` or `{ id, failed }`.
 * It is bundled and run from memory: no loader for TypeScript has to start with it.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { CONFIG, ROOT, sealedFileSystem } from "./typecheck-fs.ts";

/** At most this many warnings per check (the grader bounds them again): a file full of errors must not flood. */
const MAX_WARNINGS = 50;
/** TypeScript already shortens long types; this bounds what crosses back to the grader whatever it prints. */
const MAX_TEXT = 4000;

interface Warning {
  file: string;
  line: number;
  column: number;
  code: number;
  text: string;
}

type Files = [string, string | Uint8Array][];

// Run from memory (node --eval), so the grader says where TypeScript's API module and its compiler are.
const [apiUrl, exe] = process.argv.slice(-2);
const { API } = (await import(apiUrl)) as typeof import("typescript/unstable/async");
const decoder = new TextDecoder();
let files = new Map<string, string>();
let opened = false;
const api = new API({
  tsserverPath: exe,
  // The compiler's idea of the current folder is the virtual one: a relative path never means the kit's folder.
  cwd: ROOT,
  // Its standard library is the lib.*.d.ts beside it.
  fs: sealedFileSystem(() => files, path.dirname(exe)),
});

// If the compiler dies, the API's requests wait forever: this process ends with it, and the grader says why.
const compilerWatch = setInterval(() => {
  const compiler = (api as unknown as { client?: { process?: ChildProcess } }).client?.process;
  if (!compiler) return;
  clearInterval(compilerWatch);
  const died = (code: number | null, signal: NodeJS.Signals | null) => {
    process.stderr.write(`the compiler exited (${signal ? `signal ${signal}` : `exit code ${code}`})\n`);
    process.exit(1);
  };
  // It may have died before this look found it (a loaded machine can delay the look past a quick death), and its
  // exit event is then already gone.
  if (compiler.exitCode !== null || compiler.signalCode !== null) died(compiler.exitCode, compiler.signalCode);
  compiler.once("exit", died);
}, 20);

async function check(next: Map<string, string>): Promise<Warning[]> {
  const before = files;
  files = next;
  // Only what changed since the last check is read and parsed again: in a batch, most of one submission's
  // files are byte for byte the last one's (untouched stubs, the same types.ts).
  const snapshot = await api.updateSnapshot(
    opened ? { fileChanges: changesBetween(before, files) } : { openProjects: [CONFIG] },
  );
  opened = true;
  try {
    const project = snapshot.getProject(CONFIG);
    if (!project) return [];
    const found = [
      ...(await project.program.getSyntacticDiagnostics()),
      ...(await project.program.getSemanticDiagnostics()),
    ];
    const warnings: Warning[] = [];
    for (const d of found) {
      if (!d.fileName?.startsWith(`${ROOT}/`)) continue;
      const name = d.fileName.slice(ROOT.length + 1);
      const text = files.get(name) ?? "";
      warnings.push({ file: `exercises/${name}`, ...lineAndColumn(text, d.pos), code: d.code, text: flatten(d) });
    }
    warnings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
    return warnings.slice(0, MAX_WARNINGS);
  } finally {
    await snapshot.dispose();
  }
}

/** The files that differ between two checks, as the compiler's paths. */
function changesBetween(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>) {
  const changed: string[] = [];
  const created: string[] = [];
  const deleted: string[] = [];
  for (const [name, contents] of after) {
    const old = before.get(name);
    if (old === undefined) created.push(`${ROOT}/${name}`);
    else if (old !== contents) changed.push(`${ROOT}/${name}`);
  }
  for (const name of before.keys()) if (!after.has(name)) deleted.push(`${ROOT}/${name}`);
  return { changed, created, deleted };
}

/** The compiler's positions count UTF-16 code units, as JavaScript strings do. */
function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

type Chain = readonly { text: string; messageChain?: readonly unknown[] }[];

/** "Type 'number' is not assignable to type 'string'." with its chained details, on one line each. */
function flatten(d: { text: string; messageChain?: Chain }): string {
  const lines = [d.text];
  const walk = (chain: Chain | undefined, depth: number) => {
    for (const c of chain ?? []) {
      if (lines.length > 100) return;
      lines.push(`${"  ".repeat(depth)}${c.text}`);
      walk(c.messageChain as Chain, depth + 1);
    }
  };
  walk(d.messageChain, 1);
  const text = lines.join("\n");
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

// One check at a time: the grader queues them, and a second message before the answer is not expected.
let queue: Promise<unknown> = Promise.resolve();
process.on("message", (message: { id: number; files: Files }) => {
  queue = queue.then(async () => {
    const next = new Map<string, string>();
    for (const [name, contents] of message.files)
      if (name.endsWith(".ts")) next.set(name, typeof contents === "string" ? contents : decoder.decode(contents));
    try {
      process.send?.({ id: message.id, warnings: await check(next) });
    } catch (error) {
      // The client's state is unknown after a failure: the grader starts a fresh process for the next check.
      // A moment's grace first: when the compiler died, that (not the request it broke) is the reason to give.
      setTimeout(() => {
        process.send?.({ id: message.id, failed: (error as Error)?.message ?? String(error) });
        process.exit(1);
      }, 200);
    }
  });
});
// The grader went away: so does the type checker, and with it the compiler.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
