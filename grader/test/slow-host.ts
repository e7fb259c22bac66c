/**
 * A host that is slow at everything the sandbox does, for tests: a wrapper
 * placed before every sandbox (BACKPROP_TEST_SANDBOX_WRAPPER) runs it beside a
 * burner that spends as much CPU time as the sandbox's process tree has, in
 * the same tree, so the grader counts every CPU millisecond of the sandbox
 * twice: a host where page faults, or anything else, cost double.
 */
import { chmod, writeFile } from "node:fs/promises";
import path from "node:path";

const BURNER = `
const fs = require("node:fs");
const root = Number(process.argv[2]);
const children = (pid) => {
  try {
    return fs.readFileSync("/proc/" + pid + "/task/" + pid + "/children", "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const cpu = (pid) => {
  try {
    const stat = fs.readFileSync("/proc/" + pid + "/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
};
const mine = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const start = mine();
const sleeper = new Int32Array(new SharedArrayBuffer(4));
// Each look costs CPU time, which counts as the sandbox's: while it owes nothing, it looks less and less often,
// so that a sandbox that sleeps is charged almost nothing, as on a real host.
let idle = 5;
for (;;) {
  if (cpu(root) === undefined) process.exit(0);
  const tree = [root];
  for (let i = 0; i < tree.length && tree.length < 16; i++) tree.push(...children(tree[i]));
  let used = 0;
  for (const pid of tree) used += cpu(pid) ?? 0;
  const owed = used - (mine() - start);
  if (owed > 0) {
    idle = 5;
    const until = mine() + Math.min(owed, 20);
    while (mine() < until) {}
  } else {
    Atomics.wait(sleeper, 0, 0, idle);
    idle = Math.min(2 * idle, 160);
  }
}
`;

/** Writes the wrapper (and its burner) into `dir`; returns the wrapper's path. */
export async function slowHostWrapper(dir: string): Promise<string> {
  const burner = path.join(dir, "burner.cjs");
  const wrapper = path.join(dir, "slow-host.sh");
  await writeFile(burner, BURNER);
  // The sandbox keeps the grader's pipes; the burner holds none of them, so the sandbox's end is seen at once.
  // `env -u PWD`: the sandbox's environment stays as empty as the grader made it.
  await writeFile(
    wrapper,
    // A job started with & reads /dev/null in sh, whatever it redirects: the grader's stdin goes by fd 4.
    `#!/bin/sh\nexec 4<&0\nenv -u PWD "$@" <&4 4<&- &\nchild=$!\nexec 4<&-\n` +
      `"${process.execPath}" "${burner}" "$child" </dev/null >/dev/null 2>&1 3>&- &\n` +
      // The grader reads how the sandbox ended from the wrapper: a signal that killed it kills the wrapper too
      // (an out-of-memory kill stays a SIGKILL, not an exit status of 137), and its exit status is the wrapper's.
      `wait "$child"\nstatus=$?\n` +
      `if [ "$status" -gt 128 ]; then ulimit -c 0; kill -$((status - 128)) $$; sleep 1; fi\nexit "$status"\n`,
  );
  await chmod(wrapper, 0o755);
  return wrapper;
}

/**
 * What a test's own wrapper (BACKPROP_TEST_SANDBOX_WRAPPER for a CLI it starts) runs the sandbox through after
 * its own work: the run's slow host under `npm run test:slow-host`, else nothing.
 */
export function hostWrapperPrefix(): string {
  const outer = process.env.BACKPROP_TEST_SANDBOX_WRAPPER;
  return outer ? `"${outer}" ` : "";
}
