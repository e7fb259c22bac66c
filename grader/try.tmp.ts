import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadManifest } from "./manifest.ts";
import { swapExport } from "./misconceptions/apply.ts";
import { loadCorpus } from "./diagnosis-eval/corpus.ts";
import { paths } from "./paths.ts";
const manifest = loadManifest();
const [id, out] = process.argv.slice(2);
const entry = loadCorpus().find((e) => e.id === id)!;
writeFileSync(path.join(out, "types.ts"), readFileSync(path.join(paths.solutions, "types.ts")));
for (const e of manifest.exercises) {
  mkdirSync(path.join(out, e.id), { recursive: true });
  let t = readFileSync(path.join(paths.solutions, e.id, e.file), "utf8");
  if (e.id === entry.exercise) t = swapExport(t, entry.symbol, entry.source);
  writeFileSync(path.join(out, e.id, e.file), t);
}
