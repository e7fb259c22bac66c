/**
 * `npm run playground`: serves a page on 127.0.0.1 that trains a network with
 * the student's own forward, deltas, gradients, loss, sgdStep and train, and
 * checks their gradients against central differences. Opens nothing itself.
 *
 *   npm run playground                        the student's exercises/
 *   npm run playground -- --impl solutions    the reference solutions (the course's copy only)
 *   npm run playground -- --impl <folder>     any folder of exercise folders
 *   npm run playground -- --port 8080         another port (0: any free one)
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { UsageError } from "../errors.ts";
import { paths } from "../paths.ts";
import { runCli } from "../cli/run-cli.ts";
import { startPlayground } from "./server.ts";

const DEFAULT_PORT = 5370;
/** Ports tried after a busy default, so a second playground still starts. */
const TRIES = 20;

/** "exercises", "solutions" or a path; the environment's BACKPROP_IMPL as the suites read it. */
function resolveImpl(wanted: string, cwd = process.cwd()): { dir: string; label: string } {
  const named: Record<string, string> = { exercises: paths.exercises, solutions: paths.solutions };
  const dir = named[wanted] ?? path.resolve(cwd, wanted);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const hint = wanted === "solutions" ? " (the solutions stay with the course)" : "";
    throw new UsageError(`--impl ${wanted}: ${dir} is not a folder${hint}`);
  }
  const relative = path.relative(cwd, dir);
  const label = named[wanted] ? wanted : relative.startsWith("..") || relative === "" ? dir : relative;
  return { dir, label };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("a port is a whole number from 0 to 65535");
  return port;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command("playground")
    .description("Train a network with your own code in the browser, and check its gradients.")
    .option("--impl <folder>", 'the exercises to run: "exercises", "solutions" or a folder', process.env.BACKPROP_IMPL)
    .option("--port <port>", `the port on 127.0.0.1 (0: any free one; default ${DEFAULT_PORT})`, parsePort)
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const options = program.opts<{ impl?: string; port?: number }>();
  const { dir, label } = resolveImpl(options.impl ?? "exercises");
  const fixed = options.port !== undefined;
  let port = options.port ?? DEFAULT_PORT;
  for (let attempt = 0; ; attempt++) {
    try {
      const playground = await startPlayground({ impl: dir, label, port });
      console.log(`playground: ${playground.url}`);
      console.log(`running the code in ${dir}; it reloads when you save. Ctrl-C stops.`);
      const stop = () => void playground.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      return;
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (!busy) throw error;
      if (fixed || attempt >= TRIES) throw new UsageError(`port ${port} on 127.0.0.1 is in use; try --port 0`);
      port += 1;
    }
  }
}

await runCli(main);
