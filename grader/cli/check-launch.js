// `npm run check` starts here. Plain JavaScript on purpose: it must run before `npm ci` has installed anything,
// so that a student who skipped set-up reads how to set up instead of `sh: 1: tsx: not found`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function stop(lines) {
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
// The oldest Node the kit supports is package.json's own `engines` (">=20.12"), so the two never disagree.
const wanted = /(\d+)\.(\d+)/
  .exec(pkg.engines?.node ?? "")
  ?.slice(1)
  .map(Number) ?? [0, 0];
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < wanted[0] || (major === wanted[0] && minor < wanted[1])) {
  stop([
    `This kit needs Node ${wanted.join(".")} or later; this is Node ${process.versions.node}.`,
    "Install a newer Node, then:",
    "",
    "  npm ci",
    "  npm run check",
  ]);
}

const dependencies = pkg.dependencies ?? {};
// npm ci puts every direct dependency at the top of node_modules.
const missing = Object.keys(dependencies).filter(
  (name) => !existsSync(path.join(root, "node_modules", ...name.split("/"), "package.json")),
);
if (missing.length > 0) {
  const none = missing.length === Object.keys(dependencies).length;
  stop([
    none
      ? "The kit is not set up yet: its packages are not installed."
      : `The kit's packages are incomplete (missing: ${missing.join(", ")}).`,
    "Set it up once, in this folder, then check:",
    "",
    "  npm ci",
    "  npm run check",
  ]);
}

// From the CLIs' bundle, built at the first check and kept by content, or else through tsx (bundle-cache.js): a
// bundle starts in a fraction of the time tsx takes to compile and load the command's modules.
const { runCli } = await import("./bundle-cache.js");
await runCli(root, "check");
