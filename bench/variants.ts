/**
 * Rewrites an exercise file the way a student writing it would: other names
 * for locals and helpers, another indentation, helper functions in another
 * order, counting loops written another way, their own comments. The meaning
 * never changes (the bench's real-class mix must score as the file it came
 * from), and the text differs for every `seed`: that is the point, since the
 * grader's compile and type-check caches are keyed by content and would
 * otherwise hide what a real class costs.
 *
 * Works on a syntax tree, not on regular expressions: a property
 * name, a shorthand `{ x }` or a destructured `{ a }` keep what they mean.
 */
import { parsers } from "prettier/plugins/typescript";

/** A small deterministic generator, so the same seed gives the same class. */
export function rng(seed: number): () => number {
  let s = (seed * 2654435761 + 0x9e3779b9) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Name styles students use; every one gets the seed's tag, so no two submissions name a local alike. */
const STYLES: ((name: string, tag: string) => string)[] = [
  (n, t) => `${n}_${t}`,
  (n, t) => `my${n[0].toUpperCase()}${n.slice(1)}${t}`,
  (n, t) => `${n}${t.toUpperCase()}`,
  (n, t) => `_${n}${t}`,
  (n, t) => `${n}Val${t}`,
];

const COMMENTS = [
  "// my attempt",
  "// TODO: tidy this up before the deadline",
  "// checked against the lecture notes",
  "// helper",
  "// works on the examples from the tutorial",
  "// NOTE: shapes follow the exercise README",
  "// I think this is right?",
  "// see slide 14",
];

type Node = { type: string; range: [number, number]; [key: string]: unknown };

/** The file's syntax tree, from the TypeScript parser Prettier ships (the kit's TypeScript is the native one). */
async function parse(source: string): Promise<{ body: Node[] } & Node> {
  return (await parsers.typescript.parse(source, {} as never)) as unknown as { body: Node[] } & Node;
}

/** Every node under `root`, with its parent and the key it hangs from. */
function walk(root: Node, visit: (n: Node, parent: Node | undefined, key: string) => void): void {
  const go = (n: Node, parent: Node | undefined, key: string) => {
    visit(n, parent, key);
    for (const [k, v] of Object.entries(n)) {
      if (k === "parent" || k === "loc" || k === "range" || k === "tokens" || k === "comments") continue;
      for (const child of Array.isArray(v) ? v : [v]) {
        if (child && typeof child === "object" && typeof (child as Node).type === "string") go(child as Node, n, k);
      }
    }
  };
  go(root, undefined, "");
}

/** The names a pattern binds: `a`, `{ a, b: c }`, `[a, ...b]`, `a = 1`. */
function bound(pattern: Node | undefined, into: Set<string>): void {
  if (!pattern) return;
  if (pattern.type === "Identifier") into.add(pattern.name as string);
  else if (pattern.type === "AssignmentPattern") bound(pattern.left as Node, into);
  else if (pattern.type === "RestElement") bound(pattern.argument as Node, into);
  else if (pattern.type === "TSParameterProperty") bound(pattern.parameter as Node, into);
  else if (pattern.type === "ArrayPattern") for (const e of pattern.elements as Node[]) bound(e ?? undefined, into);
  else if (pattern.type === "ObjectPattern")
    for (const p of pattern.properties as Node[]) bound(p.type === "Property" ? (p.value as Node) : p, into);
}

const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** Names declared in the file that only the file can see: parameters, variables, functions not exported. */
function localNames(program: Node): Set<string> {
  const locals = new Set<string>();
  const fixed = new Set<string>();
  walk(program, (n, parent) => {
    const exported = parent?.type === "ExportNamedDeclaration" || parent?.type === "ExportDefaultDeclaration";
    if (FUNCTIONS.has(n.type)) {
      for (const p of n.params as Node[]) bound(p, locals);
      if (n.type === "FunctionDeclaration" && n.id) bound(n.id as Node, exported ? fixed : locals);
    } else if (n.type === "VariableDeclaration") {
      for (const d of n.declarations as Node[]) bound(d.id as Node, exported ? fixed : locals);
    } else if (n.type === "CatchClause") bound((n.param as Node) ?? undefined, locals);
    else if (/^Import(Default|Namespace)?Specifier$/.test(n.type)) bound(n.local as Node, fixed);
    else if (/^(TSInterfaceDeclaration|TSTypeAliasDeclaration|ClassDeclaration|TSEnumDeclaration)$/.test(n.type))
      bound(n.id as Node, fixed);
    else if (n.type === "TSTypeReference" && (n.typeName as Node).type === "Identifier")
      bound(n.typeName as Node, fixed);
    else if (n.type === "TSTypeParameter")
      fixed.add(typeof n.name === "string" ? n.name : ((n.name as Node).name as string));
  });
  for (const name of fixed) locals.delete(name);
  return locals;
}

/** Whether `id`, hanging from `parent` at `key`, names a property rather than a variable. */
function isPropertyName(parent: Node | undefined, key: string): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case "MemberExpression":
      return key === "property" && !parent.computed;
    case "Property":
    case "PropertyDefinition":
    case "MethodDefinition":
    case "TSPropertySignature":
    case "TSMethodSignature":
    case "TSAbstractPropertyDefinition":
      return key === "key" && !parent.computed;
    case "TSEnumMember":
      return key === "id";
    case "TSQualifiedName":
      return key === "right";
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
      return key === "label";
    case "ImportSpecifier":
    case "ExportSpecifier":
      return true;
    default:
      return false;
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** What a file's variants are made from; it depends only on the text, so each distinct text is parsed once. */
interface Analysis {
  source: string;
  /** Where each local's name stands; `keyed` for a shorthand `{ x }`, which becomes `{ x: x2 }`. */
  sites: { start: number; end: number; name: string; keyed: boolean }[];
  locals: string[];
  /** Every identifier the file uses: new names must avoid them. */
  taken: Set<string>;
  /** The top-level functions, each with the comments above it: they are hoisted, so any order means the same. */
  pieces: { start: number; end: number }[];
}

const analyses = new Map<string, Promise<Analysis>>();

function analyse(source: string): Promise<Analysis> {
  let found = analyses.get(source);
  if (!found) analyses.set(source, (found = analyseNow(source)));
  return found;
}

async function analyseNow(source: string): Promise<Analysis> {
  const program = await parse(source);
  const locals = localNames(program);
  const taken = new Set<string>();
  const sites = new Map<number, Analysis["sites"][number]>();
  walk(program, (n, parent, key) => {
    if (n.type === "Identifier") taken.add(n.name as string);
    if (n.type === "Property" && n.shorthand) {
      const k = n.key as Node;
      const name = k.name as string;
      if (locals.has(name))
        sites.set(k.range[0], { start: k.range[0], end: k.range[0] + name.length, name, keyed: true });
      return;
    }
    if (n.type !== "Identifier" || isPropertyName(parent, key) || !locals.has(n.name as string)) return;
    // A parameter's range takes in its type annotation: only the name itself is replaced.
    const name = n.name as string;
    const start = n.range[0];
    if (source.slice(start, start + name.length) === name && !sites.has(start))
      sites.set(start, { start, end: start + name.length, name, keyed: false });
  });
  const { body } = program;
  const isFunction = (s: Node) =>
    s.type === "FunctionDeclaration" ||
    (s.type === "ExportNamedDeclaration" && (s.declaration as Node | null)?.type === "FunctionDeclaration");
  // Overloads must stay next to their implementation.
  const overloads = body.some(
    (s) => s.type === "TSDeclareFunction" || (s.declaration as Node | null)?.type === "TSDeclareFunction",
  );
  // Each one's piece runs from the end of the statement before it, so its comments go with it.
  const pieces = overloads
    ? []
    : body.flatMap((s, i) => (isFunction(s) ? [{ start: i === 0 ? 0 : body[i - 1].range[1], end: s.range[1] }] : []));
  return { source, sites: [...sites.values()].sort((a, b) => a.start - b.start), locals: [...locals], taken, pieces };
}

/** Every local renamed in the seed's style, consistently across the file, and the top-level functions shuffled. */
function renameAndReorder(a: Analysis, r: () => number, tag: string, reorder: boolean): string {
  const style = pick(r, STYLES);
  const taken = new Set(a.taken);
  // A new name never meets a name the file already uses (a global, an import, a property).
  const fresh = (name: string) => {
    let to = style(name, tag);
    while (taken.has(to)) to += "_";
    taken.add(to);
    return to;
  };
  const renamed = new Map(a.locals.map((n) => [n, fresh(n)]));
  const render = (start: number, end: number) => {
    let out = "";
    let at = start;
    for (const site of a.sites) {
      if (site.start < start || site.end > end) continue;
      const to = renamed.get(site.name)!;
      out += a.source.slice(at, site.start) + (site.keyed ? `${site.name}: ${to}` : to);
      at = site.end;
    }
    return out + a.source.slice(at, end);
  };
  const order = a.pieces.map((_, k) => k);
  if (reorder)
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(r() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
  const separated = (t: string) => (/^\s*\n/.test(t) ? t : `\n\n${t.trimStart()}`);
  let out = "";
  let at = 0;
  a.pieces.forEach((piece, k) => {
    const moved = a.pieces[order[k]];
    out +=
      render(at, piece.start) +
      (order[k] === k ? render(piece.start, piece.end) : separated(render(moved.start, moved.end)));
    at = piece.end;
  });
  return out + render(at, a.source.length);
}

/** `for (let i = 0; i < n; i++)` written as some students write it. */
function rewriteLoops(source: string, r: () => number): string {
  const form = pick(r, [
    (v: string, n: string) => `for (let ${v} = 0; ${v} < ${n}; ${v} += 1)`,
    (v: string, n: string) => `for (let ${v} = 0; ${v} < ${n}; ++${v})`,
    (v: string, n: string) => `for (let ${v} = 0; ${n} > ${v}; ${v}++)`,
  ]);
  return source.replace(/for \(let (\w+) = 0; \1 < ([^;()]+(?:\([^;()]*\))?); \1\+\+\)/g, (_m, v: string, n: string) =>
    form(v, n),
  );
}

/** Indentation of two spaces per level turned into four, or a tab; a JSDoc's odd space stays. */
function reindent(source: string, r: () => number): string {
  const unit = pick(r, ["  ", "    ", "\t", "   "]);
  if (unit === "  ") return source;
  return source.replace(
    /^( +)/gm,
    (lead: string) => unit.repeat(Math.floor(lead.length / 2)) + " ".repeat(lead.length % 2),
  );
}

/** A few comments of the student's own, above statements at the top level, and sometimes a header. */
function addComments(source: string, r: () => number, seed: number): string {
  const lines = source.split("\n");
  const out: string[] = [];
  if (r() < 0.5)
    out.push(`// student ${seed.toString(36)}: ${pick(r, ["exercise file", "my solution", "submission"])}`);
  for (const line of lines) {
    if (/^(export )?function /.test(line) && r() < 0.35) out.push(pick(r, COMMENTS));
    out.push(line);
  }
  // Some strip the course's comments to one-liners; others keep them. Trailing spaces differ by editor.
  const text = out.join("\n");
  return r() < 0.3 ? text.replace(/\n*$/, "\n\n") : text;
}

/**
 * A student's version of `source`: the same meaning, other text. Distinct seeds give distinct text for any file
 * (the seed's tag is in a comment when a file has no locals to rename).
 */
export async function studentVariant(source: string, seed: number): Promise<string> {
  const r = rng(seed);
  const tag = seed.toString(36);
  const analysis = await analyse(source);
  let text = renameAndReorder(analysis, r, tag, r() < 0.6);
  const renamedAny = analysis.locals.length > 0;
  if (r() < 0.7) text = rewriteLoops(text, r);
  text = addComments(text, r, seed);
  text = reindent(text, r);
  return renamedAny ? text : `${text.replace(/\n*$/, "\n")}// v${tag}\n`;
}
