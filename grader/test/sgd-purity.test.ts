/**
 * sgdStep's contract: "Returns new layers (same activations). Pure: layers and
 * grads are left unchanged." Reassigning `layer.W` or `layer.b`, or replacing
 * entries of the layers array, leaves the case's arrays alone and changes only
 * the layer objects the kit passed in; purity must see that (issue 21.6). Each
 * variant returns the right values, so a wrong one loses the purity check and
 * nothing else, and a correct one loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedCase } from "../fixtures/schema.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { casesOf, createWorkspace, gradeFiles, replaceFunction, solutionFiles, text } from "./patched-grade.ts";

const FILE = "07-gradient-descent/descent.ts";
/** The updated values, computed without touching the inputs. */
const NEW_W = "layers[i].W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j]))";
const NEW_B = "layers[i].b.map((v, j) => v - eta * grads.db[i][j])";
const STEP = `const newW = (i: number) => ${NEW_W};\n  const newB = (i: number) => ${NEW_B};\n`;

const IMPURE: { name: string; body: string }[] = [
  {
    name: "reassigns W and b on the given layers, returns them",
    body: `${STEP}  for (let i = 0; i < layers.length; i++) { const W = newW(i), b = newB(i); layers[i].W = W; layers[i].b = b; }\n  return layers;`,
  },
  {
    name: "reassigns W only, returns fresh layers",
    body: `${STEP}  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  layers.forEach((l, i) => { l.W = out[i].W; });\n  return out;`,
  },
  {
    name: "reassigns b only, returns fresh layers",
    body: `${STEP}  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  layers.forEach((l, i) => { l.b = out[i].b; });\n  return out;`,
  },
  {
    name: "reassigns both, then returns copies",
    body: `${STEP}  for (let i = 0; i < layers.length; i++) { const W = newW(i), b = newB(i); layers[i].W = W; layers[i].b = b; }\n  return layers.map((l) => ({ ...l }));`,
  },
  {
    name: "Object.assign onto each given layer",
    body: `${STEP}  return layers.map((l, i) => Object.assign(l, { W: newW(i), b: newB(i) }));`,
  },
  {
    name: "replaces the entries of the layers array",
    body: `${STEP}  for (let i = 0; i < layers.length; i++) layers[i] = { W: newW(i), b: newB(i), activation: layers[i].activation };\n  return layers;`,
  },
  {
    name: "splices new layers into the given array",
    body: `${STEP}  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  layers.splice(0, layers.length, ...out);\n  return layers;`,
  },
  {
    name: "pushes the new layers after the old ones",
    body: `${STEP}  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  layers.push(...out);\n  return out;`,
  },
  {
    name: "mutates W in place, then reassigns a copy",
    body: `  for (let i = 0; i < layers.length; i++) {\n    layers[i].W.forEach((row, r) => row.forEach((w, j) => { row[j] = w - eta * grads.dW[i][r][j]; }));\n    layers[i].W = layers[i].W.map((row) => row.slice());\n  }\n  return layers.map((l, i) => ({ W: l.W, b: ${NEW_B}, activation: l.activation }));`,
  },
  {
    name: "reassigns an equal copy of W (the layer object still changed)",
    body: `${STEP}  for (const l of layers) l.W = l.W.map((row) => [...row]);\n  return layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));`,
  },
  {
    name: "replaces the activation object",
    body: `${STEP}  for (const l of layers) l.activation = { ...l.activation };\n  return layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));`,
  },
  {
    name: "caches a field on each given layer",
    body: `${STEP}  for (const l of layers) (l as any).lastEta = eta;\n  return layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));`,
  },
  {
    name: "deletes W and keeps it under another key",
    body: `${STEP}  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  for (const l of layers) { (l as any).w = l.W; delete (l as any).W; }\n  return out;`,
  },
  {
    name: "turns W into a getter on the given layer",
    body: `${STEP}  for (const l of layers) { const W = l.W; Object.defineProperty(l, "W", { get: () => W, enumerable: true }); }\n  return layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));`,
  },
  {
    name: "reassigns W from a getter in its answer, after returning",
    body: `${STEP}  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  const first = out[0];\n  Object.defineProperty(out, 0, { enumerable: true, get() { layers[0].W = first.W; return first; } });\n  return out;`,
  },
  {
    name: "writes into b from a getter in its answer, after returning",
    body: `${STEP}  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  const first = out[0];\n  Object.defineProperty(out, 0, { enumerable: true, get() { layers[0].b[0] += 1; return first; } });\n  return out;`,
  },
  {
    name: "reassigns W, and a getter in its answer puts it back",
    body: `${STEP}  const W0 = layers[0].W;\n  const out = layers.map((l, i) => ({ W: newW(i), b: newB(i), activation: l.activation }));\n  layers[0].W = out[0].W;\n  const first = out[0];\n  Object.defineProperty(out, 0, { enumerable: true, get() { layers[0].W = W0; return first; } });\n  return out;`,
  },
];

const PURE: { name: string; body: string }[] = [
  {
    name: "spreads each layer into a new one",
    body: `${STEP}  return layers.map((l, i) => ({ ...l, W: newW(i), b: newB(i) }));`,
  },
  {
    name: "Object.assign into fresh objects",
    body: `${STEP}  return layers.map((l, i) => Object.assign({}, l, { W: newW(i), b: newB(i) }));`,
  },
  {
    name: "loops and pushes, reusing the activations",
    body: `  const out: Layer[] = [];\n  for (let i = 0; i < layers.length; i++) {\n    const W: number[][] = [];\n    for (let r = 0; r < layers[i].W.length; r++) { const row: number[] = []; for (let j = 0; j < layers[i].W[r].length; j++) row.push(layers[i].W[r][j] - eta * grads.dW[i][r][j]); W.push(row); }\n    const b: number[] = [];\n    for (let j = 0; j < layers[i].b.length; j++) b.push(layers[i].b[j] - eta * grads.db[i][j]);\n    out.push({ W, b, activation: layers[i].activation });\n  }\n  return out;`,
  },
  {
    name: "copies deeply first, then updates the copy in place",
    body: `  const copy = layers.map((l) => ({ ...l, W: l.W.map((row) => row.slice()), b: [...l.b] }));\n  copy.forEach((l, i) => { l.W.forEach((row, r) => row.forEach((w, j) => { row[j] = w - eta * grads.dW[i][r][j]; })); l.b.forEach((v, j) => { l.b[j] = v - eta * grads.db[i][j]; }); });\n  return copy;`,
  },
  {
    name: "copies through JSON, keeping the activations",
    body: `  const copy = layers.map((l) => ({ W: JSON.parse(JSON.stringify(l.W)) as number[][], b: JSON.parse(JSON.stringify(l.b)) as number[], activation: l.activation }));\n  for (let i = 0; i < copy.length; i++) { for (let r = 0; r < copy[i].W.length; r++) for (let j = 0; j < copy[i].W[r].length; j++) copy[i].W[r][j] -= eta * grads.dW[i][r][j]; for (let j = 0; j < copy[i].b.length; j++) copy[i].b[j] -= eta * grads.db[i][j]; }\n  return copy;`,
  },
  {
    name: "destructures each layer and returns frozen layers",
    body: `  return Object.freeze(layers.map(({ W, b, activation }, i) => Object.freeze({ W: W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j])), b: b.map((v, j) => v - eta * grads.db[i][j]), activation })));`,
  },
  {
    name: "reads layers only through for-of and entries",
    body: `  const out: Layer[] = [];\n  for (const [i, { W, b, activation }] of layers.entries()) out.push({ activation, b: b.map((v, j) => v - eta * grads.db[i][j]), W: W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j])) });\n  return out;`,
  },
];

let workspace: Workspace;
let files: ExerciseFiles;
let cases: LoadedCase[];

beforeAll(async () => {
  workspace = await createWorkspace();
  files = await solutionFiles();
  cases = casesOf(["07-gradient-descent"], (c) => c.fn === "sgdStep");
  expect(cases.some((c) => c.pure)).toBe(true);
});
afterAll(() => workspace?.dispose());

async function gradeVariant(body: string) {
  const variant = new Map(files);
  variant.set(FILE, replaceFunction(text(files, FILE), "sgdStep", body));
  return gradeFiles(workspace, variant, cases);
}

describe("an sgdStep that changes the layer objects it was given fails purity, and only purity", () => {
  it.each(IMPURE)("$name", async ({ body }) => {
    const results = await gradeVariant(body);
    for (const r of results) {
      const pure = cases.find((c) => c.key === r.key)!.pure;
      expect({ key: r.key, status: r.status, codes: r.problems.map((p) => p.code) }).toEqual(
        pure ? { key: r.key, status: "fail", codes: ["mutated"] } : { key: r.key, status: "pass", codes: [] },
      );
    }
  });
});

describe("an sgdStep that leaves them alone passes", () => {
  it.each(PURE)("$name", async ({ body }) => {
    const results = await gradeVariant(body);
    expect(results.map((r) => `${r.key}: ${r.status} ${r.message}`)).toEqual(results.map((r) => `${r.key}: pass `));
  });
});
