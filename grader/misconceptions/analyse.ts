/**
 * The diagnosis of one wrong answer, shared by the course's live diagnoser and
 * the release's table diagnoser (they differ only in where a catalogued
 * mistake's output comes from), so both name the same.
 *
 * 1. An answer whose values pass its case gets no name, whatever else it
 *    failed (a call count, purity), and neither does a mistake whose own
 *    output would pass: on that case it cannot be told from a right answer.
 * 2. Layer by layer (layers.ts): each quantity is right, follows from a wrong
 *    one before it, is a known wrong step or relation, or is unexplained. A
 *    name is given only when every wrong quantity is explained, by at most
 *    two mistakes, and says for which layers it holds.
 * 3. Otherwise a catalogued mistake whose whole output matches, scoped to the
 *    layers where it differs from the right answer.
 * 4. Otherwise a generic relation of the whole output (negated, scaled, …).
 */
import { valuesPass, numberRule } from "../engine/checks.ts";
import type { NumberRule } from "../engine/compare.ts";
import type { Finding } from "../engine/grade.ts";
import type { Diagnosis } from "../engine/results.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { isLayered, viewsOf, type View } from "./layers.ts";
import { matches } from "./match.ts";
import { neighbourOutputs } from "./neighbours.ts";
import { listWords } from "./notation.ts";
import { isNum, near, type Num } from "./numeric.ts";
import { CATALOGUED, genericRelation, relationText, type Found } from "./relations.ts";
import { renderTrace, type Traced } from "./trace.ts";
import type { Carried } from "./types.ts";

export interface EntryInfo {
  id: string;
  exercise: string;
  fn: string;
  name: string;
  explanation: string;
  carried?: Carried[];
}

/** Where the entry is carried into, on this case: undefined on its own function's cases, and where it is not. */
function carriedOn(m: EntryInfo, c: Pick<LoadedCase, "exercise" | "fn">): Carried | undefined {
  if (m.exercise === c.exercise && m.fn === c.fn) return undefined;
  return m.carried?.find((k) => (k.exercise ?? m.exercise) === c.exercise && k.fn === c.fn);
}

/** Whether the entry is tried on this case: its own function's, or one it is carried into (types.ts). */
export function appliesTo(m: EntryInfo, c: Pick<LoadedCase, "exercise" | "fn">): boolean {
  return (m.exercise === c.exercise && m.fn === c.fn) || carriedOn(m, c) !== undefined;
}

/** The catalogue as the analysis sees it: its entries, and each one's output on a case (undefined: it threw). */
export interface CatalogueSource {
  entries: EntryInfo[];
  output: (c: LoadedCase, id: string) => unknown;
}

function valueAt(value: unknown, path: (string | number)[], scalar?: boolean): Num | undefined {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  if (scalar) return typeof v === "number" ? [v] : undefined;
  return isNum(v) ? v : undefined;
}

/** Each view's status, in computing order. */
export function traceViews(views: View[], received: unknown, rule: NumberRule): Traced[] {
  const values = views.map((v) => valueAt(received, v.path, v.scalar));
  const out: Traced[] = [];
  views.forEach((view, i) => {
    const r = values[i];
    if (r && near(view.expected, r, rule)) return void out.push({ view, status: "ok", received: r });
    const steps = view.steps((j) => values[j]);
    const upstreamWrong = view.upstream !== undefined && out[view.upstream].status !== "ok";
    if (r && steps.right && upstreamWrong && near(steps.right, r)) {
      return void out.push({ view, status: "follows", received: r });
    }
    // A value due in another layer says more than any step that happens to give it (reversed lists stay consistent).
    const moved = r && genericRelation(view, views, r, rule);
    if (moved && moved.rel === "layer") return void out.push({ view, status: "explained", found: moved, received: r });
    const fits = r
      ? steps.variants.filter((s) => s.value && !near(view.expected, s.value, rule) && near(s.value, r))
      : [];
    // Two different wrong steps that give the same value here (η² and η/2 at η = ½) say nothing about which it was.
    // Two wrong steps that give the same value here (η² and η/2 at η = ½; no g′ and an identity layer's g′ = 1) say
    // nothing about which it was: the view is wrong, with the candidates another layer may decide between.
    if (new Set(fits.map((s) => `${s.rel}:${s.k}`)).size > 1) {
      const candidates = fits.map((s) => ({ rel: s.rel, k: s.k }));
      return void out.push({ view, status: "wrong", received: r, candidates });
    }
    const variant = fits[0];
    // A neighbour ("?") alone: a step that is no named mistake; the value is wrong, and nothing names it.
    if (variant?.rel.startsWith("?")) return void out.push({ view, status: "wrong", received: r });
    if (variant)
      return void out.push({ view, status: "explained", found: { rel: variant.rel, k: variant.k }, received: r });
    out.push(moved ? { view, status: "explained", found: moved, received: r } : { view, status: "wrong", received: r });
  });
  return unshared(views, out, values, rule);
}

/**
 * A wrong value whose later view is right, though computed from it that view would be wrong: the student's later
 * value did not come from this one (db^[l] = −δ^[l] alone, dW^[l] = a^[l-1] (δ^[l])ᵀ right). A step that computes the
 * value both share (dε/dŷ's sign, a missing g′) is then contradicted, and so is "follows": only a relation of this
 * value alone may explain it.
 */
function unshared(views: View[], out: Traced[], values: (Num | undefined)[], rule: NumberRule): Traced[] {
  return out.map((t, i) => {
    const j = views[i].feeds;
    if (j === undefined || t.status === "ok" || out[j]?.status !== "ok" || !t.received) return t;
    const from = views[j].steps((k) => values[k]).right;
    if (!from || near(views[j].expected, from, rule)) return t;
    const alone = genericRelation(views[i], views, t.received, rule);
    return alone
      ? { ...t, status: "explained", found: alone, candidates: undefined }
      : { ...t, status: "wrong", found: undefined, candidates: undefined };
  });
}

interface Group {
  found: Found;
  labels: string[];
  symbols: string[];
}

const keyOf = (found: Found) => (found.k === undefined ? found.rel : `${found.rel}:${found.k}`);

function addTo(groups: Map<string, Group>, found: Found, t: Traced): void {
  const group = groups.get(keyOf(found)) ?? { found, labels: [], symbols: [] };
  group.labels.push(t.view.label);
  if (!group.symbols.includes(t.view.symbol)) group.symbols.push(t.view.symbol);
  groups.set(keyOf(found), group);
}

function groupsOf(traced: Traced[]): Group[] | undefined {
  const groups = new Map<string, Group>();
  const undecided: Traced[] = [];
  for (const t of traced) {
    if (t.status === "wrong" && !t.candidates) return undefined;
    if (t.status === "wrong") undecided.push(t);
    if (t.status !== "explained") continue;
    for (const rel of t.found!.rel.split("+")) addTo(groups, { ...t.found!, rel }, t);
  }
  // A view two mistakes explain alike joins the one mistake that other views show unambiguously, or names nothing.
  for (const t of undecided) {
    const shown = t.candidates!.filter((f) => f.rel.split("+").every((rel) => groups.has(keyOf({ ...f, rel }))));
    if (shown.length !== 1) return undefined;
    for (const rel of shown[0].rel.split("+")) addTo(groups, { ...shown[0], rel }, t);
  }
  const order = traced.map((t) => t.view.label);
  for (const g of groups.values()) g.labels.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  // Scaled by a different constant in each layer is no one mistake (db as column sums of dW is δ times Σ a).
  const scaled = [...groups.keys()].filter((k) => k.startsWith("scaled:") || k.startsWith("step-scaled:"));
  if (scaled.length > 1) return undefined;
  return groups.size > 0 && groups.size <= 2 ? [...groups.values()] : undefined;
}

/**
 * Whether a view outside the group would have shown the group's wrong step had it been made there too: a right (or
 * following) value where that step gives another one. Only such a view tells "in these layers only" apart from "in
 * every layer": a one-layer network has no other layer, and an identity layer's g′ = 1 leaves δ unchanged.
 */
function tellsScopeApart(group: Group, traced: Traced[]): boolean {
  const received = (j: number) => traced[j]?.received;
  return traced.some((t) => {
    if (!group.symbols.includes(t.view.symbol) || group.labels.includes(t.view.label) || !t.received) return false;
    if (t.status !== "ok" && t.status !== "follows") return false;
    const step = t.view.steps(received).variants.find((v) => v.rel === group.found.rel && v.k === group.found.k);
    return step?.value !== undefined && !near(step.value, t.received);
  });
}

/** The group's id; undefined when the cases cannot tell which of two catalogued mistakes it is. */
function idOf(c: LoadedCase, group: Group, traced: Traced[]): string | undefined {
  const id = CATALOGUED[c.fn]?.[group.found.rel];
  if (id === "delta-missing-gprime" && group.labels.length === 1 && group.labels[0] === traced[0].view.label) {
    // Only the output layer's δ lacks g′: the catalogue has that mistake too, but "only the output layer" holds only
    // where another layer shows it was not made there.
    return tellsScopeApart(group, traced) ? "delta-output-no-gprime" : undefined;
  }
  return id ?? `relation-${group.found.rel}`;
}

const verb = (labels: string[]) => (labels.length === 1 ? "is" : "are");

const quantity = (symbol: string) => (symbol === "losses" ? "list of losses" : symbol);

/**
 * The quantities a group's mistake is in, as a sentence's subject, without layers on a hidden case: "Your b",
 * "Each of dW and db, in some layers,". Always the group's own quantities, never merely the first one traced.
 */
function hiddenSubject(group: Group, traced: Traced[]): string {
  const some = traced.some((t) => group.symbols.includes(t.view.symbol) && !group.labels.includes(t.view.label));
  const who = group.symbols.length === 1 ? `Your ${quantity(group.symbols[0])}` : `Each of ${listWords(group.symbols)}`;
  return `${who}${some ? ", in some layers," : ""}`;
}

/** "In some layers of δ only." for a hidden case: the quantities, not the layers. */
function hiddenWhere(views: View[], all: View[]): string {
  const symbols = [...new Set(views.map((v) => v.symbol))];
  const parts = symbols.map((s) =>
    all.some((v) => v.symbol === s && !views.includes(v)) ? `some layers of ${quantity(s)}` : quantity(s),
  );
  return `In ${listWords(parts)} only.`;
}

/** "In δ^[2] and δ^[1] (δ^[1] follows from them); δ^[3] is right." Empty when it holds everywhere. */
function scope(labels: string[], traced: Traced[]): string {
  const right = traced.filter((t) => t.status === "ok").map((t) => t.view.label);
  if (right.length === 0) return "";
  const follows = traced.filter((t) => t.status === "follows").map((t) => t.view.label);
  const after = follows.length > 0 ? ` (${listWords(follows)} follow${follows.length === 1 ? "s" : ""} from it)` : "";
  return `In ${listWords(labels)} only${after}; ${listWords(right)} ${verb(right)} right.`;
}

function byLayers(c: LoadedCase, traced: Traced[], source: CatalogueSource): Diagnosis | undefined {
  const groups = groupsOf(traced);
  if (!groups) return undefined;
  const hidden = c.visibility === "hidden";
  const entries = new Map(source.entries.map((e) => [e.id, e]));
  const ids = groups.map((g) => idOf(c, g, traced));
  if (ids.some((id) => id === undefined)) return undefined;
  const parts = groups.map((g, n) => {
    const id = ids[n]!;
    const entry = entries.get(id);
    const partial = traced.some((t) => t.status === "ok") || groups.length > 1;
    const subject = hidden
      ? hiddenSubject(g, traced)
      : g.labels.length === 1
        ? `Your ${quantity(g.labels[0])}`
        : `Each of ${listWords(g.labels)}`;
    const text = relationText(g.found, c.fn, subject, !hidden);
    // The catalogue speaks of its own function's quantities: another function's entry (deltas' δ seen in gradients'
    // dW and db) is explained by the quantities that are wrong here.
    const own = entry?.fn === c.fn;
    return {
      id,
      name: entry?.name ?? text.name,
      // A catalogued mistake made everywhere is explained as the catalogue does; one made in some layers, by its layers.
      // A hidden case shows no position, so its words always lead with the quantities that are wrong ("Your b").
      why: entry && own && !partial && !hidden ? entry.explanation : text.why,
      labels: g.labels,
    };
  });
  const labels = [...new Set(parts.flatMap((p) => p.labels))];
  const where = hidden ? "" : scope(labels, traced);
  return {
    id: parts.map((p) => p.id).join("+"),
    name: parts.map((p) => p.name).join(" and "),
    explanation: [where, ...parts.map((p) => p.why)].filter(Boolean).join(" "),
    ...(hidden || !where ? {} : { layers: labels }),
  };
}

/** The one catalogued mistake whose output is the received value, unless another mistake or a neighbour gives it too. */
function soleEntry(c: LoadedCase, received: unknown, source: CatalogueSource): [EntryInfo, unknown] | undefined {
  const found: [EntryInfo, unknown][] = [];
  for (const m of source.entries) {
    if (!appliesTo(m, c)) continue;
    const output = source.output(c, m.id);
    if (output === undefined || valuesPass(c, output) || !matches(output, received)) continue;
    found.push([m, output]);
  }
  if (found.length !== 1) return undefined;
  return neighbourOutputs(c).some((n) => matches(n, received)) ? undefined : found[0];
}

function byEntries(c: LoadedCase, received: unknown, source: CatalogueSource, views?: View[]): Diagnosis | undefined {
  const rule = numberRule(c.check);
  const sole = soleEntry(c, received, source);
  if (!sole) return undefined;
  const [m, output] = sole;
  const diagnosis: Diagnosis = { id: m.id, name: m.name, explanation: carriedOn(m, c)?.explanation ?? m.explanation };
  if (!views || !rule || !isLayered(c.fn)) return diagnosis;
  const holds = views.filter((v) => !near(v.expected, valueAt(output, v.path, v.scalar) ?? [], rule));
  const right = views.filter((v) => !holds.includes(v)).map((v) => v.label);
  if (holds.length === 0) return diagnosis;
  if (c.visibility === "hidden") {
    // A hidden case shows no position: its words name the quantities that are wrong.
    const whole = `In your ${listWords([...new Set(holds.map((v) => quantity(v.symbol)))])}.`;
    return {
      ...diagnosis,
      explanation: `${right.length === 0 ? whole : hiddenWhere(holds, views)} ${diagnosis.explanation}`,
    };
  }
  if (right.length === 0) return diagnosis;
  const labels = holds.map((v) => v.label);
  const where = `In ${listWords(labels)} only; ${listWords(right)} ${verb(right)} right.`;
  return { ...diagnosis, explanation: `${where} ${diagnosis.explanation}`, layers: labels };
}

export function analyse(c: LoadedCase, received: unknown, source: CatalogueSource): Finding | undefined {
  try {
    return analyseOrThrow(c, received, source);
  } catch {
    // A diagnosis is a bonus on top of the grade: a value it cannot read names nothing, and costs nothing.
    return undefined;
  }
}

function analyseOrThrow(c: LoadedCase, received: unknown, source: CatalogueSource): Finding | undefined {
  if (c.check.kind === "throws" || valuesPass(c, received)) return undefined;
  const rule = numberRule(c.check);
  // Exact checks hold signs, labels and counts, where −1 for +1 says nothing about why.
  const views = rule && c.check.kind !== "equal" ? viewsOf(c) : undefined;
  const traced = views && rule ? traceViews(views, received, rule) : undefined;
  const diagnosis =
    (traced && isLayered(c.fn) ? byLayers(c, traced, source) : undefined) ??
    byEntries(c, received, source, views) ??
    (traced && !isLayered(c.fn) ? byLayers(c, traced, source) : undefined);
  // The trace says where values differ, which depends on the received value: public cases only.
  const wrong = traced?.some((t) => t.status !== "ok");
  const trace = traced && wrong && isLayered(c.fn) && c.visibility === "public" ? renderTrace(traced) : undefined;
  if (!diagnosis && !trace) return undefined;
  return { ...(diagnosis ? { diagnosis } : {}), ...(trace ? { trace } : {}) };
}
