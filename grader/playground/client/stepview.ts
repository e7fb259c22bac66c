/**
 * "One step, opened up": for one instance, the forward and backward pass in
 * the lecture's notation, every quantity with its shape, and beside each of
 * the student's gradients the same quantity from central differences of
 * their own forward and loss (δ^[l] = dε/db^[l], since f = Wᵀa + b).
 */
import type { Layer, Vector } from "../../../exercises/types.ts";
import { band, gradcheckTools, H, outputDelta, type Tools } from "./gradcheck.ts";
import * as s from "./student.ts";

const v = (name: string, l: number | string) => `<b>${name}</b><sup>[${l}]</sup>`;
const T = "<sup>T</sup>";

export function fmt(x: number): string {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  return abs < 1e-3 || abs >= 1e4 ? x.toExponential(2) : x.toPrecision(3);
}

/** The comparison of the gradient check (the student's relativeError when exercise 08 works), for cells. */
let compare: Tools["compare"] = () => 0;

/** Per-entry agreement; a pair too small to compare after rounding counts as agreeing. */
function cell(a: number, n: number | undefined, kinks: boolean): string {
  if (n === undefined) return `<td>${fmt(a)}</td>`;
  const err = Math.max(Math.abs(a), Math.abs(n)) < 1e-9 ? 0 : compare([a], [n]);
  return `<td class="${band(err, kinks)}" title="relative error ${err.toExponential(1)}">${fmt(a)}</td>`;
}

function vectorRow(values: Vector, other?: Vector, kinks = false): string {
  return `<table class="vec"><tr>${values.map((x, j) => cell(x, other?.[j], kinks)).join("")}</tr></table>`;
}

function matrixTable(m: number[][], other?: number[][], kinks = false): string {
  const rows = m.map((row, r) => `<tr>${row.map((x, j) => cell(x, other?.[r][j], kinks)).join("")}</tr>`);
  return `<table class="mat">${rows.join("")}</table>`;
}

const shapeV = (n: number) => `<span class="shape">${n}×1</span>`;
const shapeM = (r: number, c: number) => `<span class="shape">${r}×${c}</span>`;

/** The panel's HTML; throws a FaultError when the student's code fails. */
export function stepHtml(fns: s.StudentFns, layers: Layer[], x: Vector, y: Vector, index: number): string {
  const L = layers.length;
  const kinks = layers.some((l) => l.activation.name === "relu" || l.activation.name === "leakyRelu");
  const cache = s.forward(fns, layers, x);
  const yHat = cache.a[L - 1];
  const eps = s.loss(fns, yHat, y);
  const tools = gradcheckTools(fns);
  compare = tools.compare;
  const output = outputDelta(fns);
  const dEdY = output.of(yHat, y);
  const dEdYNum = output.own ? tools.outputGradient(fns, yHat, y) : undefined;
  const ds = s.deltas(fns, layers, cache, dEdY);
  const grads = s.gradients(fns, layers, x, y);
  const num = tools.layerGradients(fns, layers, x, y);
  const out: string[] = [];
  out.push(
    `<p class="instance">instance ${index}: ${v("x", 0)} = ${v("a", 0)} = (${x.map(fmt).join(", ")})${T}, ` +
      `<i>y</i> = ${y[0]}, <b>ŷ</b> = ${v("a", L)} = ${fmt(yHat[0])}, ε = ½‖ŷ − y‖² = ${fmt(eps)}</p>`,
  );
  out.push(`<h3>forward</h3><div class="rows">`);
  layers.forEach((layer, i) => {
    const l = i + 1;
    out.push(
      `<div class="q"><span class="eq">${v("f", l)} = (${v("W", l)})${T} ${v("a", l - 1)} + ${v("b", l)}</span> ${shapeV(layer.b.length)}${vectorRow(cache.f[i])}</div>`,
      `<div class="q"><span class="eq">${v("a", l)} = ${layer.activation.name}(${v("f", l)})</span> ${shapeV(layer.b.length)}${vectorRow(cache.a[i])}</div>`,
    );
  });
  out.push(`</div><h3>backward</h3>`);
  out.push(
    `<p class="legend">Each of your values is coloured by its agreement with central differences ` +
      `(ε(w + h) − ε(w − h)) / 2h, h = ${H}, of your own forward and loss: ` +
      `<span class="agree">agrees</span> <span class="uneasy">uneasy</span> <span class="wrong">wrong</span>. ` +
      `${[tools.note, output.note ?? ""].join(" ").trim()}</p>`,
  );
  out.push(
    dEdYNum
      ? `<div class="q"><span class="eq">dε/d<b>ŷ</b> = <b>ŷ</b> − <b>y</b></span> <span class="shape">for ε = ½‖ŷ − y‖²</span> ${shapeV(dEdY.length)}` +
          `<div class="pair"><div><em>yours (lossGradient)</em>${vectorRow(dEdY, dEdYNum, false)}</div>` +
          `<div><em>central differences of your loss</em>${vectorRow(dEdYNum)}</div></div></div><div class="rows">`
      : `<div class="q"><span class="eq">dε/d<b>ŷ</b> = <b>ŷ</b> − <b>y</b></span> <span class="shape">for ε = ½‖ŷ − y‖², the page's own</span> ${shapeV(dEdY.length)}${vectorRow(dEdY)}</div><div class="rows">`,
  );
  for (let i = L - 1; i >= 0; i--) {
    const l = i + 1;
    const n = layers[i].b.length;
    const rule = l === L ? `g′(${v("f", l)}) ∘ dε/d<b>ŷ</b>` : `g′(${v("f", l)}) ∘ (${v("W", l + 1)} ${v("δ", l + 1)})`;
    const rows = layers[i].W.length;
    out.push(
      `<div class="q"><span class="eq">${v("δ", l)} = ${rule}</span> ${shapeV(n)}` +
        `<div class="pair"><div><em>yours (deltas)</em>${vectorRow(ds[i], num.db[i], kinks)}</div>` +
        `<div><em>dε/d${v("b", l)}, central differences</em>${vectorRow(num.db[i])}</div></div></div>`,
      `<div class="q"><span class="eq">d${v("W", l)} = ${v("a", l - 1)}(${v("δ", l)})${T}</span> ${shapeM(rows, n)}` +
        `<div class="pair"><div><em>yours (gradients)</em>${matrixTable(grads.dW[i], num.dW[i], kinks)}</div>` +
        `<div><em>central differences</em>${matrixTable(num.dW[i])}</div></div></div>`,
    );
  }
  out.push(`</div>`);
  return out.join("\n");
}
