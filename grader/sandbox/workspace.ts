/**
 * Internal. What one grading run shares: a private temporary folder with the
 * sandbox harness (removed when the process exits), the isolation found on this
 * machine, and the compile cache.
 */
import { rmSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildHarness } from "./compile.ts";
import { CompileCache } from "./compile-cache.ts";
import { CompileStore } from "./compile-store.ts";
import { detectIsolation, NODE_ONLY, withTestWrapper, type Isolation } from "./isolation.ts";

export interface WorkspaceOptions {
  maxDataBytes: number;
  /**
   * Probe for operating-system walls (namespaces, another user, rlimits).
   * `check` skips the probe to start fast: a student's own machine and code.
   */
  osIsolation: boolean;
}

/** Workspaces not yet disposed of, removed when the process exits: one listener however many a process makes. */
const live = new Set<string>();

function removeOnExit(dir: string): void {
  if (!process.listeners("exit").includes(removeLive)) process.on("exit", removeLive);
  live.add(dir);
}

function removeLive(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
}

export class Workspace {
  private constructor(
    readonly dir: string,
    readonly harness: string,
    readonly isolation: Isolation,
    /** Bundles shared by every implementation graded in this workspace. */
    readonly compileCache: CompileCache,
  ) {}

  static async create(options: WorkspaceOptions): Promise<Workspace> {
    // Always in the system's temporary folder, which any user can traverse: under a private folder (a home
    // folder, a mkdtemp), a sandbox that runs as another user could not reach the harness, and the probe would
    // settle for walls that keep the user.
    const dir = await mkdtemp(path.join(os.tmpdir(), ".backprop-kit-work-"));
    // Traversable but not listable: a sandbox running as another user can
    // reach its own folder and the harness, and cannot list its neighbours.
    await chmod(dir, 0o711);
    removeOnExit(dir);
    const harness = await buildHarness(dir);
    const isolation = options.osIsolation ? detectIsolation(options, harness) : { prefix: [], layers: [NODE_ONLY] };
    // Each run's builds in memory, and every run's on disk (compile-store.ts).
    return new Workspace(dir, harness, withTestWrapper(isolation), new CompileCache({ disk: CompileStore.open() }));
  }

  async dispose(): Promise<void> {
    live.delete(this.dir);
    await rm(this.dir, { recursive: true, force: true });
  }
}
