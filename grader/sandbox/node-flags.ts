/**
 * Internal. The command-line flag that turns on Node's permission model, found
 * by asking this Node which flags it knows rather than by its version number:
 * Node 20 has only `--experimental-permission`, Node 22.13+ has both, and Node
 * 24 accepts only `--permission` (it exits with status 9 on the old name).
 */
import { GraderError } from "../errors.ts";

/** This Node has no permission model, so the sandbox's main wall cannot go up. */
export class NoPermissionModelError extends GraderError {
  constructor(version: string) {
    super(
      "NO_PERMISSION_MODEL",
      `Node ${version} has no permission model (--permission), which the sandbox needs. ` +
        `Install Node 20.12 or later (22 or 24 recommended) and run the command again.`,
    );
  }
}

/** The flags in the order they are preferred: the stable name first. */
const CANDIDATES = ["--permission", "--experimental-permission"] as const;

export type PermissionFlag = (typeof CANDIDATES)[number];

/**
 * The permission flag the given Node accepts. `known` defaults to this
 * process's own flags, which are those of the Node that starts the sandbox
 * (it runs `process.execPath`).
 */
export function permissionFlag(
  known: ReadonlySet<string> = process.allowedNodeEnvironmentFlags,
  version: string = process.version,
): PermissionFlag {
  const flag = CANDIDATES.find((f) => known.has(f));
  if (!flag) throw new NoPermissionModelError(version);
  return flag;
}

/**
 * The virtual memory V8 reserves for generated code at start on x64 (Node 24's
 * V8 13.6). Linux counts it against RLIMIT_DATA, so Node 24 cannot start under
 * a 512 MiB data cap that Node 20 and 22 start under with room to spare.
 */
export const V8_CODE_RANGE_BYTES = 512 * 2 ** 20;

/**
 * `--no-maglev` where V8 has Maglev on by default (Node 22 and later): like TurboFan (`--no-opt`), it compiles
 * functions that run hot for a while, and a sandbox lives a fraction of a second, so on Node 24 it cost about
 * 20 ms of CPU per sandbox for nothing. Node 20's V8 has Maglev off already. By version, since V8's flags are not
 * in `allowedNodeEnvironmentFlags`; BACKPROP_SANDBOX_MAGLEV=1 keeps it on, for the bench's comparison.
 */
export function maglevFlags(version: string = process.version, env: NodeJS.ProcessEnv = process.env): string[] {
  const major = Number(/^v(\d+)\./.exec(version)?.[1] ?? 0);
  return major >= 22 && env.BACKPROP_SANDBOX_MAGLEV !== "1" ? ["--no-maglev"] : [];
}
