/**
 * Bulk downloads as Canvas, Gradescope and GitHub Classroom write them, recorded as file listings: each is read as
 * one submission per student, named by the platform's user, with loose files, duplicates and zips as students
 * upload them. Then one `npm run grade` over all three, as a TA runs it.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import yazl from "yazl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionResultSchema } from "../engine/results.ts";
import { paths } from "../paths.ts";
import { collect, expandInputs } from "../submission/expand.ts";
import { isRefused } from "../submission/source.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
let tmp: string;

/** A listing: path in the download → where its contents come from ("solutions/…", "exercises/…" or literal text). */
type Listing = Record<string, string>;

const solution = (rel: string) => `solutions/${rel}`;

const CANVAS: Listing = {
  "lovelaceada_12345_900001_delta.ts": solution("05-delta/delta.ts"),
  "lovelaceada_12345_900002_forward.ts": solution("04-forward/forward.ts"),
  "babbagecharles_LATE_23456_900003_delta-1.ts": solution("05-delta/delta.ts"),
  "hoppergrace_34567_900004_hw.zip": "zip:04-forward/forward.ts,05-delta/delta.ts",
  "turingalan_45678_900005_notes.txt": "just notes",
  "curiemarie_56789_900006_gradients.ts": solution("06-gradients/gradients.ts"),
};

const GRADESCOPE: Listing = {
  "submission_metadata.yml": [
    "submission_111:",
    "  :submitters:",
    "  - :name: Ada Lovelace",
    "    :sid: 'S1001'",
    "    :email: ada@example.edu",
    "  :created_at: 2026-10-01 12:00:00.000000000 -07:00",
    "  :score: 0.0",
    "submission_222:",
    "  :submitters:",
    "  - :name: Grace Hopper",
    "    :email: grace@example.edu",
    "  - :name: Alan Turing",
    "    :email: alan@example.edu",
    "",
  ].join("\n"),
  "submission_111/delta.ts": solution("05-delta/delta.ts"),
  "submission_111/forward.ts": solution("04-forward/forward.ts"),
  "submission_222/exercises/05-delta/delta.ts": solution("05-delta/delta.ts"),
};

const CLASSROOM: Listing = {
  "hw3-submissions/hw3-octocat/exercises/05-delta/delta.ts": solution("05-delta/delta.ts"),
  "hw3-submissions/hw3-octocat/README.md": "# hw3",
  "hw3-submissions/hw3-mona-lisa/exercises/04-forward/forward.ts": solution("04-forward/forward.ts"),
};

async function contents(spec: string): Promise<Buffer> {
  if (spec.startsWith("zip:")) {
    const zip = new yazl.ZipFile();
    for (const rel of spec.slice(4).split(","))
      zip.addBuffer(await readFile(path.join(paths.solutions, rel)), path.basename(rel));
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  if (/^(solutions|exercises)\//.test(spec)) return readFile(path.join(paths.root, spec));
  return Buffer.from(spec);
}

async function record(dir: string, listing: Listing): Promise<string> {
  for (const [rel, spec] of Object.entries(listing)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), await contents(spec));
  }
  return dir;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-layouts-"));
  await record(path.join(tmp, "canvas"), CANVAS);
  await record(path.join(tmp, "gradescope"), GRADESCOPE);
  await record(path.join(tmp, "classroom"), CLASSROOM);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface Expected {
  layout: string;
  arg: string;
  ids: string[];
  files: Record<string, string[]>;
  notes: Record<string, RegExp>;
  refused: Record<string, RegExp>;
}

describe("a platform's download is one submission per student", () => {
  it.each<Expected>([
    {
      layout: "canvas",
      arg: "canvas",
      ids: ["babbagecharles_23456", "curiemarie_56789", "hoppergrace_34567", "lovelaceada_12345", "turingalan_45678"],
      files: {
        lovelaceada_12345: ["04-forward/forward.ts", "05-delta/delta.ts", "types.ts"],
        babbagecharles_23456: ["05-delta/delta.ts", "types.ts"],
        hoppergrace_34567: ["04-forward/forward.ts", "05-delta/delta.ts", "types.ts"],
      },
      notes: { babbagecharles_23456: /submitted late.*took delta-1\.ts as delta\.ts/ },
      refused: { turingalan_45678: /none of its files \(notes\.txt\) is an exercise file/ },
    },
    {
      layout: "gradescope",
      arg: "gradescope",
      ids: ["S1001", "grace"],
      files: { S1001: ["04-forward/forward.ts", "05-delta/delta.ts", "types.ts"], grace: ["05-delta/delta.ts"] },
      notes: { grace: /group of Grace Hopper, Alan Turing/ },
      refused: {},
    },
    {
      layout: "GitHub Classroom",
      arg: "classroom/hw3-submissions",
      ids: ["mona-lisa", "octocat"],
      files: { octocat: ["05-delta/delta.ts"], "mona-lisa": ["04-forward/forward.ts"] },
      notes: {},
      refused: {},
    },
  ])("$layout", async ({ arg, ids, files, notes, refused }) => {
    const pending = await expandInputs([path.join(tmp, arg)]);
    expect(pending.map((p) => p.id).sort()).toEqual([...ids].sort());
    for (const p of pending) {
      const collected = await collect(p);
      const why = refused[p.id];
      if (why) {
        expect(isRefused(collected) && collected.reason).toMatch(why);
        continue;
      }
      if (isRefused(collected)) throw new Error(`${p.id} refused: ${collected.reason}`);
      const want = files[p.id];
      if (want) expect([...collected.files.keys()].sort()).toEqual(want);
      const note = notes[p.id];
      if (note) expect(collected.note).toMatch(note);
    }
  });
});

describe("npm run grade over the three downloads", () => {
  it("grades what each student handed in, and calls the rest not submitted", async () => {
    const out = path.join(tmp, "out");
    const args = ["canvas", "gradescope", "classroom/hw3-submissions"].map((a) => path.join(tmp, a));
    await run(process.execPath, cliArgs("grade", [...args, "--out", out]), {
      cwd: paths.root,
    });
    const result = async (id: string) =>
      SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out, id, "results.json"), "utf8")));
    const ada = await result("lovelaceada_12345");
    expect(ada.grading_status).toBe("graded");
    const status = Object.fromEntries(ada.exercises.map((e) => [e.id, e.status]));
    expect(status).toMatchObject({
      "04-forward": "complete",
      "05-delta": "complete",
      "01-linear-algebra": "not submitted",
    });
    expect(ada.note).toMatch(/not submitted: linalg\.ts/);
    expect(ada.note).not.toMatch(/compile error/);
    const octocat = await result("octocat");
    expect(octocat.exercises.find((e) => e.id === "05-delta")?.status).toBe("complete");
    expect((await result("turingalan_45678")).grading_status).toBe("refused");
    // 06 alone: its cases need 04 and 05, which the stubs stood in for; that is said, and 06 is not "not started".
    const marie = await result("curiemarie_56789");
    expect(marie.exercises.find((e) => e.id === "06-gradients")?.status).toBe("in progress");
    const lost = marie.cases.filter((c) => c.exercise === "06-gradients" && c.status !== "pass");
    expect(lost.length).toBeGreaterThan(0);
    for (const c of lost) {
      expect(c.not_implemented).toBeUndefined();
      expect(c.message).toMatch(/needs forward\.ts \(04-forward\) and delta\.ts \(05-delta\)/);
    }
    expect(marie.note).toMatch(/gradients\.ts imports forward\.ts and delta\.ts, which were not submitted/);
  });
});
