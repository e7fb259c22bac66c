/**
 * Which walls a machine gets (isolation.ts): all of them, found with one probe where they all work, or each one
 * that works where some do not. Each case runs detectIsolation in a process of its own whose PATH holds only the
 * tools the case gives it, real or failing, and reads the layers it reports.
 */
import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";

const real = (name: string) => spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
const tools = { unshare: real("unshare"), setpriv: real("setpriv"), prlimit: real("prlimit") };
const asRoot = process.platform === "linux" && process.getuid?.() === 0 && Object.values(tools).every(Boolean);

/** How a case's PATH provides a tool: the real one, one that always fails, one that refuses some arguments, none. */
type Tool = "real" | "fails" | "no --setuid" | "absent";

const UNSHARE = "no network, own PID namespace (unshare)";
const UNSHARE_DROPPED = "no network, own PID namespace, unprivileged user 65534 (unshare)";
const SETPRIV = "unprivileged user 65534 (setpriv)";
const CAP = /^data memory capped at 512 MiB( beyond V8's \d+ MiB code range reservation)? \(prlimit\)$/;

let tmp: string;
/** A file the probe reads, as it reads the harness in a workspace. */
let probe: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-isolation-"));
  // The probe reads its file as the sandbox's user: as a workspace's, the folder is traversable.
  await chmod(tmp, 0o711);
  probe = path.join(tmp, "probe.txt");
  await writeFile(probe, "probe");
  await chmod(probe, 0o644);
  // One bundle for every case, so that each starts a plain Node rather than a TypeScript loader.
  await build({
    entryPoints: [path.join(paths.root, "grader/sandbox/isolation.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: path.join(tmp, "isolation.mjs"),
    logLevel: "silent",
  });
  await writeFile(
    path.join(tmp, "detect.mjs"),
    'import { detectIsolation } from "./isolation.mjs";\n' +
      "console.log(JSON.stringify(detectIsolation({ maxDataBytes: 2 ** 29 }, process.argv[2]).layers));\n",
  );
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/**
 * The layers detectIsolation reports, less the two every machine has, with only `given` tools on PATH, and how many
 * probes it started through the real unshare.
 */
async function layersWith(given: Record<keyof typeof tools, Tool>): Promise<{ layers: string[]; unshares: number }> {
  const bin = await mkdtemp(path.join(tmp, "bin-"));
  // The tools after unshare's change of user run as that user.
  await chmod(bin, 0o755);
  for (const [name, how] of Object.entries(given) as [keyof typeof tools, Tool][]) {
    const at = path.join(bin, name);
    // Each real tool is run through a script that counts its calls.
    if (how === "real") await writeFile(at, `#!/bin/sh\necho ${name} >> ${bin}/calls\nexec ${tools[name]} "$@"\n`);
    if (how === "fails") await writeFile(at, "#!/bin/sh\nexit 1\n");
    if (how === "no --setuid")
      await writeFile(at, `#!/bin/sh\ncase "$*" in *--setuid*) exit 1;; esac\nexec ${tools[name]} "$@"\n`);
    if (how !== "absent") await chmod(at, 0o755);
  }
  const child = spawnSync(process.execPath, [path.join(tmp, "detect.mjs"), probe], {
    env: { PATH: bin },
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const calls = await readFile(path.join(bin, "calls"), "utf8").catch(() => "");
  return {
    layers: (JSON.parse(child.stdout) as string[]).slice(1, -1),
    unshares: calls.split("\n").filter((call) => call === "unshare").length,
  };
}

describe.runIf(asRoot)("as root on Linux, the walls found", () => {
  it.each<[string, Record<keyof typeof tools, Tool>, (string | RegExp)[]]>([
    ["every tool working: all walls", { unshare: "real", setpriv: "real", prlimit: "real" }, [UNSHARE_DROPPED, CAP]],
    [
      "unshare unable to change user: setpriv does",
      { unshare: "no --setuid", setpriv: "real", prlimit: "real" },
      [UNSHARE, SETPRIV, CAP],
    ],
    [
      "unshare failing: another user and the cap",
      { unshare: "fails", setpriv: "real", prlimit: "real" },
      [SETPRIV, CAP],
    ],
    ["no unshare: another user and the cap", { unshare: "absent", setpriv: "real", prlimit: "real" }, [SETPRIV, CAP]],
    [
      "prlimit failing: the namespaces and another user",
      { unshare: "real", setpriv: "real", prlimit: "fails" },
      [UNSHARE_DROPPED],
    ],
    [
      "no prlimit: the namespaces and another user",
      { unshare: "real", setpriv: "absent", prlimit: "absent" },
      [UNSHARE_DROPPED],
    ],
    ["nothing working: Node's permission model alone", { unshare: "fails", setpriv: "fails", prlimit: "fails" }, []],
  ])("%s", async (_, given, expected) => {
    const { layers } = await layersWith(given);
    expect(layers).toHaveLength(expected.length);
    expected.forEach((layer, i) => expect(layers[i]).toMatch(layer));
  });

  it("where every wall works, one probe finds them all (two where Node needs its code range counted)", async () => {
    const { layers, unshares } = await layersWith({ unshare: "real", setpriv: "real", prlimit: "real" });
    expect(unshares).toBe(layers.some((l) => l.includes("code range")) ? 2 : 1);
  });
});
