/**
 * The trust boundary's pieces, each on its own: how a line from the sandbox is
 * judged before it is parsed, how the encoder and the argument snapshot resist
 * patched built-ins, the compiler's guard and its pre-scan, the text cleaning,
 * and the fingerprint's cover of the grader's own code.
 */
import { describe, expect, it } from "vitest";
import { fingerprint, graderCodeHash } from "../batch/fingerprint.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { loadManifest } from "../manifest.ts";
import { MAX_SOURCE_DEPTH, sourceProblem } from "../sandbox/compile-guard.ts";
import { errorInfo, jsonDepth, readLine } from "../sandbox/inbox.ts";
import { MAX_MESSAGE_BYTES } from "../sandbox/protocol.ts";
import { fromWire, Opaque, snapshot, toWire } from "../sandbox/wire.ts";
import { stripControls, terminalText } from "../sanitize.ts";
import { loadCases } from "../fixtures/load.ts";
import { trainingProblems } from "../engine/training.ts";

const SECRET = "s3cr3t-s3cr3t-s3cr3t";
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("a line from the sandbox", () => {
  it.each([
    { label: "without the secret is ignored", line: '{"t":"ok","id":"0","value":1,"meta":{}}', want: "ignored" },
    { label: "with a wrong secret is ignored", line: 'nope{"t":"done"}', want: "ignored" },
    { label: "with the secret is a message", line: `${SECRET}{"t":"done"}`, want: "done" },
    {
      label: "nested 200 000 deep is a breach, not a stack overflow",
      line: `${SECRET}{"t":"ok","id":"0","value":${deep(200_000)},"meta":{}}`,
      want: "nested more than",
    },
    { label: "longer than 4 MiB is a breach", line: SECRET + " ".repeat(MAX_MESSAGE_BYTES + 1), want: "larger than" },
    { label: "that is not JSON is a breach", line: `${SECRET}{"t":`, want: "could not be read" },
    { label: "of no message's shape is a breach", line: `${SECRET}{"t":"ok","id":{"x":1}}`, want: "could not be read" },
  ])("$label", ({ line, want }) => {
    const judged = readLine(line, SECRET);
    if (want === "ignored") expect(judged).toBeUndefined();
    else if (want === "done") expect(judged).toEqual({ t: "done" });
    else expect((judged as { breach: string }).breach).toContain(want);
  });

  it.each([
    { text: deep(3), depth: 3 },
    { text: '["[[[[", {"a": "]]]"}]', depth: 2 },
    { text: '"\\"[[["', depth: 0 },
  ])("jsonDepth($text) is $depth", ({ text, depth }) => expect(jsonDepth(text)).toBe(depth));

  it("clips an error's name and message, cleans them, and drops a frame that is not sane", () => {
    const info = errorInfo({
      name: "N\u001b[31m".repeat(10_000),
      message: "m".repeat(100_000),
      notImplemented: "yes",
      frame: { bundle: "05-delta", line: 0, column: 3 },
    });
    expect(info.name.length).toBeLessThan(300);
    expect(info.name).not.toContain("\u001b");
    expect(info.message.length).toBeLessThan(4100);
    expect(info.notImplemented).toBe(false);
    expect(info.frame).toBeUndefined();
  });
});

describe("the encoder and the argument snapshot", () => {
  it.each([
    {
      label: "a setter on Array.prototype[0]",
      patch: () => Object.defineProperty(Array.prototype, "0", { set() {}, configurable: true }),
      undo: () => delete (Array.prototype as unknown as Record<string, unknown>)[0],
    },
    {
      label: "a setter on Object.prototype.gPrimeCalls",
      patch: () => Object.defineProperty(Object.prototype, "gPrimeCalls", { set() {}, configurable: true }),
      undo: () => delete (Object.prototype as unknown as Record<string, unknown>).gPrimeCalls,
    },
    {
      label: "Array.prototype.toJSON",
      patch: () => Object.defineProperty(Array.prototype, "toJSON", { value: () => "x", configurable: true }),
      undo: () => delete (Array.prototype as unknown as Record<string, unknown>).toJSON,
    },
  ])("keep every value despite $label", ({ patch, undo }) => {
    patch();
    let wire: unknown;
    try {
      wire = toWire({ gPrimeCalls: 3, v: [1, [2, 3]] });
    } finally {
      undo();
    }
    expect(fromWire(wire)).toEqual({ gPrimeCalls: 3, v: [1, [2, 3]] });
  });

  it("reports getters and proxies among the arguments instead of asking them", () => {
    const row = [1, 2];
    Object.defineProperty(row, 0, { get: () => 1, enumerable: true });
    expect(fromWire(snapshot([row]))).not.toEqual([[1, 2]]);
    expect(fromWire(snapshot([new Proxy([1, 2], {})]))).not.toEqual([[1, 2]]);
    expect(fromWire(snapshot([[1, 2]]))).toEqual([[1, 2]]);
  });

  it("refuses a value too large to check, without walking all of it", () => {
    const decoded = fromWire(toWire(new Array(3_000_000).fill(0)));
    expect(decoded).toBeInstanceOf(Opaque);
    expect(String(decoded)).toContain("too large");
  });

  it("keeps a key named __proto__ a plain key", () => {
    const decoded = fromWire(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the compiler's guard", () => {
  it.each([
    { label: "brackets nested too deep", source: `x = ${"(".repeat(MAX_SOURCE_DEPTH + 1)}`, want: "nested" },
    {
      label: "too many imports",
      source: Array.from({ length: 201 }, (_, i) => `import "./m${i}";`).join("\n"),
      want: "imports",
    },
    {
      label: "brackets inside strings and comments",
      source: `const s = "${"(".repeat(999)}"; // ${"[".repeat(999)}`,
      want: undefined,
    },
    { label: "an ordinary file", source: "export function f(x: number[]): number { return x[0]; }", want: undefined },
  ])("pre-scan: $label", ({ source, want }) => {
    const problem = sourceProblem(source);
    if (want) expect(problem).toContain(want);
    else expect(problem).toBeUndefined();
  });
  // The compile guard's limits and retries: compile-guard.test.ts, on real builds.
});

describe("text for files and terminals", () => {
  it.each([
    { raw: "a\u001b[2Jb", oneLine: true, clean: "a[2Jb" },
    { raw: "bell\u0007 csi\u009b31m", oneLine: true, clean: "bell csi31m" },
    { raw: "line\r\nnext\ttab", oneLine: false, clean: "line\nnext\ttab" },
    { raw: "line\nnext", oneLine: true, clean: "line next" },
    { raw: "evil\u202egnp.exe", oneLine: true, clean: "evilgnp.exe" },
    // Nothing to remove (the fast path), and the characters it must not miss when alone.
    { raw: "plain text, δ and W^[l]", oneLine: true, clean: "plain text, δ and W^[l]" },
    { raw: "plain text", oneLine: false, clean: "plain text" },
    { raw: "a\tb", oneLine: false, clean: "a\tb" },
    { raw: "a\rb", oneLine: false, clean: "a\nb" },
    { raw: "a \r b", oneLine: true, clean: "a b" },
    { raw: "a\u2028b", oneLine: false, clean: "ab" },
    { raw: "a\u007fb", oneLine: true, clean: "ab" },
  ])("stripControls($raw)", ({ raw, oneLine, clean }) => expect(stripControls(raw, oneLine)).toBe(clean));

  it("cuts terminal lines short", () => expect(terminalText("x".repeat(5000)).length).toBeLessThan(2100));
});

describe("the results fingerprint", () => {
  it("covers the grader's own code", () => {
    const manifest = loadManifest();
    expect(graderCodeHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(manifest, [], DEFAULT_LIMITS, "a")).not.toBe(fingerprint(manifest, [], DEFAULT_LIMITS, "b"));
    expect(fingerprint(manifest, [], DEFAULT_LIMITS)).toBe(fingerprint(manifest, [], DEFAULT_LIMITS, graderCodeHash()));
  });
});

describe("the training checks, decided from the returned layers", () => {
  const cases = loadCases(loadManifest(), { visibility: ["public"] }).filter(
    (c) => c.fn === "train" && (c.check.kind === "falls" || c.check.kind === "below"),
  );
  const untrained = (c: (typeof cases)[number]) =>
    (c.args[0] as { W: number[][]; b: number[] }[]).map(({ W, b }) => ({ W, b }));

  it.each(cases.map((c) => ({ c, name: c.id })))("$name: the reference's own result passes", ({ c }) => {
    expect(trainingProblems(c, c.expected)).toEqual([]);
  });

  it.each(cases.map((c) => ({ c, name: c.id })))("$name: untrained layers with made-up losses fail", ({ c }) => {
    const problems = trainingProblems(c, { layers: untrained(c), losses: [0.5, 0.1, 0.001] });
    expect(problems.map((p) => p.code)).toEqual([c.check.kind === "falls" ? "not_falling" : "too_high"]);
  });
});
