/**
 * Internal. Runs a command's main and turns any error into a message and an
 * exit status, never a stack trace: 2 for usage errors, 1 for anything else.
 */
import { CommanderError } from "commander";
import { GraderError, UsageError } from "../errors.ts";
import { stripControls } from "../sanitize.ts";

export async function runCli(main: (argv: string[]) => Promise<void>): Promise<void> {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof GraderError) {
      // Messages name the user's files, whose names may hold terminal escapes.
      process.stderr.write(`${stripControls(error.message)}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      return;
    }
    process.stderr.write(`Internal error in the grader (please report it): ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 1;
  }
}
