/**
 * npm run diagnosis:eval: grades every implementation of the evaluation
 * corpus (corpus.ts) through the real engine and the course's live diagnoser,
 * and prints how often the diagnosis names the wrong ones correctly, wrongly
 * or not at all, how often a correct-but-different one gets any name, and
 * whether every hidden case that names a mistake names the quantity that failed.
 * Exits 1 when a target is missed. `--verbose` lists every implementation,
 * `--only <text>` grades only those whose id contains the text.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gradeImplementation } from "../engine/grade.ts";
import { courseReference } from "../engine/known-outcomes.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { swapExport } from "../misconceptions/apply.ts";
import { loadCatalogue, makeDiagnoser } from "../misconceptions/diagnose.ts";
import { paths } from "../paths.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { loadCorpus, type CorpusEntry } from "./corpus.ts";
import { hiddenQuantityText, hiddenText, recording, type HiddenText } from "./hidden-text.ts";
import { score, TARGETS, type Outcome, type Scored } from "./score.ts";

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  const manifest = loadManifest();
  const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
  // --only <text>: the implementations whose id contains it (a quick look; the figures are the whole corpus's).
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  const corpus = loadCorpus().filter((e) => only === undefined || e.id.includes(only));
  const diagnose = makeDiagnoser(await loadCatalogue());
  const reference = await courseReference();
  const workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  const tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-diagnosis-eval-"));
  const started = Date.now();
  try {
    const grade = async (
      entry: CorpusEntry,
      n: number,
    ): Promise<Scored & { texts: HiddenText[]; quantityTexts: HiddenText[] }> => {
      const spec = manifest.exercises.find((e) => e.id === entry.exercise);
      if (!spec) throw new Error(`${entry.id}: no exercise ${entry.exercise}`);
      const dir = path.join(tmp, String(n));
      const rel = `${spec.id}/${spec.file}`;
      await mkdir(path.join(dir, spec.id), { recursive: true });
      await writeFile(path.join(dir, "types.ts"), readFileSync(path.join(paths.solutions, "types.ts")));
      for (const e of manifest.exercises) {
        const own = `${e.id}/${e.file}`;
        let text = readFileSync(path.join(paths.solutions, own), "utf8");
        if (own === rel) text = swapExport(text, entry.symbol, entry.source);
        await mkdir(path.join(dir, e.id), { recursive: true });
        await writeFile(path.join(dir, own), text);
      }
      // A mistake seen from later exercises is graded on theirs, with the course's reference to trace it by.
      const seen = entry.seenFrom ?? [entry.exercise];
      const own = cases.filter((c) => seen.includes(c.exercise));
      const failed = new Map<string, string[]>();
      const graded = await gradeImplementation({
        dir,
        manifest,
        cases: own,
        workspace,
        diagnose: recording(diagnose, failed),
        reference,
      });
      const texts = graded.cases.flatMap((r) => {
        const c = own.find((k) => k.key === r.key && k.visibility === r.visibility);
        const t = c && hiddenText(c, r, failed.get(r.key));
        return t ? [t] : [];
      });
      const quantityTexts = graded.cases.flatMap((r) => {
        const c = own.find((k) => k.key === r.key && k.visibility === r.visibility);
        const t = c && hiddenQuantityText(c, r, failed.get(r.key));
        return t ? [t] : [];
      });
      return { ...score(entry, graded), texts, quantityTexts };
    };
    const results: (Scored & { texts: HiddenText[]; quantityTexts: HiddenText[] })[] = [];
    // Two at a time: each grading is a sandbox process, and the machine has two cores.
    for (let i = 0; i < corpus.length; i += 2) {
      results.push(...(await Promise.all(corpus.slice(i, i + 2).map((e, j) => grade(e, i + j)))));
    }
    report(results, verbose, Date.now() - started);
  } finally {
    await workspace.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
}

const pct = (n: number, of: number) => `${of === 0 ? 0 : Math.round((1000 * n) / of) / 10}%`;

function report(
  results: (Scored & { texts: HiddenText[]; quantityTexts: HiddenText[] })[],
  verbose: boolean,
  ms: number,
): void {
  const wrong = results.filter((r) => r.entry.kind === "wrong");
  const correct = results.filter((r) => r.entry.kind === "correct");
  const count = (o: Outcome) => wrong.filter((r) => r.outcome === o).length;
  const namedCorrect = correct.filter((r) => r.named.length > 0).length;
  const onPass = results.flatMap((r) => r.namedOnPass.map((k) => `${r.entry.id}: ${k}`));
  if (verbose) {
    for (const r of results) {
      const mark =
        r.entry.kind === "correct"
          ? r.named.length
            ? "✗"
            : "✓"
          : { correct: "✓", wrong: "✗", nothing: "·" }[r.outcome];
      console.log(
        `${mark} ${r.entry.id.padEnd(44)} named: ${r.named.join(", ") || "nothing"}  (TA: ${r.entry.accept.join(", ") || "no name"})${r.entry.kind === "wrong" && r.fails.public === 0 ? "  [hidden only]" : ""}`,
      );
    }
    console.log("");
  }
  const shareCorrect = count("correct") / wrong.length;
  const shareWrong = count("wrong") / wrong.length;
  console.log(`Diagnosis on ${wrong.length} wrong implementations (${(ms / 1000).toFixed(1)} s):`);
  console.log(
    `  named correctly  ${pct(count("correct"), wrong.length).padStart(6)}  (${count("correct")})   target ≥ ${TARGETS.correct * 100}%`,
  );
  console.log(
    `  named wrongly    ${pct(count("wrong"), wrong.length).padStart(6)}  (${count("wrong")})   target ≤ ${TARGETS.wrong * 100}%`,
  );
  console.log(`  named nothing    ${pct(count("nothing"), wrong.length).padStart(6)}  (${count("nothing")})`);
  const hiddenOnly = wrong.filter((r) => r.fails.public === 0 && r.fails.hidden > 0).length;
  const survive = wrong.filter((r) => r.fails.public === 0 && r.fails.hidden === 0).map((r) => r.entry.id);
  console.log(`Wrong implementations that lose points on hidden cases only: ${hiddenOnly}`);
  if (survive.length > 0) console.log(`Wrong implementations that lose no point at all: ${survive.join(", ")}`);
  console.log(
    `Correct-but-different implementations given any name: ${pct(namedCorrect, correct.length)} (${namedCorrect} of ${correct.length})`,
  );
  console.log(
    `Names given to answers whose values pass: ${onPass.length}${onPass.length ? `: ${onPass.join("; ")}` : ""}`,
  );
  // A hidden case shows no position: where it names a mistake, the text names the quantity that failed, no other.
  const texts = results.flatMap((r) => r.texts.map((t) => ({ ...t, id: r.entry.id })));
  const misnamed = texts.filter((t) => !t.ok);
  console.log(
    `Hidden cases that name a mistake and name the quantity that failed: ${texts.length - misnamed.length} of ${texts.length}   target: all`,
  );
  for (const t of misnamed) {
    console.log(
      `  ${t.id} ${t.key}: failed in ${t.failed.join(", ")}; the text says ${t.claimed.join(", ") || "no quantity"}`,
    );
    if (verbose) console.log(`    ${t.text}`);
  }
  // Every failing hidden case of a check of the output, named mistake or not: its text names each quantity that failed.
  const quantityTexts = results.flatMap((r) => r.quantityTexts.map((t) => ({ ...t, id: r.entry.id })));
  const unnamed = quantityTexts.filter((t) => !t.ok);
  console.log(
    `Failing hidden cases whose text names each quantity that failed: ${quantityTexts.length - unnamed.length} of ${quantityTexts.length} (${pct(quantityTexts.length - unnamed.length, quantityTexts.length)})   target: all`,
  );
  for (const t of unnamed)
    console.log(
      `  ${t.id} ${t.key}: failed in ${t.failed.join(", ")}; the text says ${t.claimed.join(", ") || "no quantity"}: ${t.text}`,
    );
  const met =
    unnamed.length === 0 &&
    shareCorrect >= TARGETS.correct &&
    shareWrong <= TARGETS.wrong &&
    namedCorrect === 0 &&
    onPass.length === 0 &&
    misnamed.length === 0;
  console.log(met ? "Every target met." : "A target was missed.");
  process.exitCode = met ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
