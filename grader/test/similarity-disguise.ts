/**
 * The disguises a student puts on a copied file, for the similarity
 * calibration: renamed identifiers, reordered functions, other comments and
 * whitespace, and dead code. Each is a plain text transformation, applied to
 * any file of the corpus or the reference solutions, so the tests cover every
 * file rather than a few hand-made copies.
 */

const KEEP = new Set([
  ...["const", "let", "var", "function", "class", "return", "if", "else", "for", "while", "of", "in", "new", "throw"],
  ...["true", "false", "null", "undefined", "this", "typeof", "void", "number", "string", "boolean", "unknown"],
  ...["Math", "Array", "Error", "RangeError", "Number", "String", "Set", "Map", "Float64Array", "Infinity", "NaN"],
]);

/** Names the file declares: variables, functions that are not exported, and parameters. */
function declaredNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of source.matchAll(/\b(?:const|let|var)\s+\[([^\]]*)\]/g))
    for (const n of m[1].split(",")) if (/^\s*[A-Za-z_$][\w$]*\s*$/.test(n)) names.add(n.trim());
  for (const m of source.matchAll(/^(?:function|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  // Parameters: `name:` or `name,` or `name)` inside a parameter list, and arrow parameters.
  for (const m of source.matchAll(/\(([^()]*)\)\s*(?::[^={]*)?(?:=>|\{)/g))
    for (const part of m[1].split(",")) {
      const name = /^\s*([A-Za-z_$][\w$]*)\s*[:=?)]?/.exec(part)?.[1];
      if (name) names.add(name);
    }
  for (const m of source.matchAll(/\(\s*([A-Za-z_$][\w$]*)\s*\)\s*=>|\b([A-Za-z_$][\w$]*)\s*=>/g))
    names.add(m[1] ?? m[2]);
  for (const k of KEEP) names.delete(k);
  // Exported functions keep their names: the grader calls them.
  for (const m of source.matchAll(/^export (?:function|class|const|interface|type)\s+([A-Za-z_$][\w$]*)/gm))
    names.delete(m[1]);
  return names;
}

/** Every declared name renamed (never a property after a dot, nor a key before a colon in an object). */
export function renameIdentifiers(source: string): string {
  let i = 0;
  const renamed = new Map([...declaredNames(source)].map((n) => [n, `${n.length > 2 ? "my" : "q"}${n}_${i++}`]));
  return source.replace(/(?<![.\w$"'`])([A-Za-z_$][\w$]*)\b/g, (whole, name: string) => renamed.get(name) ?? whole);
}

/** The file cut into its import lines and top-level declarations (each with the comments above it). */
function topLevel(source: string): { head: string; blocks: string[] } {
  const lines = source.split("\n");
  const starts: number[] = [];
  let inDoc = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const begins =
      /^(export |function |class |const |interface |type |\/\*\*|\/\/)/.test(line) && !/^import /.test(line);
    if (begins && !inDoc && (i === 0 || lines[i - 1].trim() === "" || /^[}\]);]/.test(lines[i - 1]))) starts.push(i);
    if (/^\/\*\*/.test(line) && !line.includes("*/")) inDoc = true;
    if (inDoc && line.includes("*/")) inDoc = false;
  }
  if (starts.length === 0) return { head: source, blocks: [] };
  const head = lines.slice(0, starts[0]).join("\n");
  const blocks = starts.map((s, k) =>
    lines
      .slice(s, starts[k + 1] ?? lines.length)
      .join("\n")
      .trimEnd(),
  );
  return { head, blocks };
}

/** The top-level declarations in reverse order (functions are hoisted, so it still runs). */
export function reorderFunctions(source: string): string {
  const { head, blocks } = topLevel(source);
  return `${head.trimEnd()}\n\n${[...blocks].reverse().join("\n\n")}\n`;
}

/** Comments removed and replaced by others, indentation and blank lines changed. */
export function recommentAndReformat(source: string): string {
  const noComments = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return noComments
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const depth = (/^ */.exec(line)?.[0].length ?? 0) / 2;
      const body = line.trim();
      const indented = "\t".repeat(depth) + body;
      return /^(export )?function /.test(body)
        ? `\n// my own helper, written for this assignment\n${indented}`
        : indented;
    })
    .join("\n")
    .concat("\n");
}

let dead = 0;

/** Unused variables and branches at the start of every function body, and an unused function at the end. */
export function addDeadCode(source: string): string {
  const withBranches = source.replace(/^((?:export )?function [^\n]*\{)$/gm, (line) => {
    const n = dead++;
    return `${line}\n  const unusedCounter${n} = ${n} * 2;\n  if (unusedCounter${n} < 0) {\n    console.log("never", unusedCounter${n});\n  }`;
  });
  return `${withBranches}\nfunction neverCalled(values: number[]): number {\n  let product = 1;\n  for (const v of values) product *= v + 1;\n  return product > 0 ? product : -product;\n}\n`;
}

export const DISGUISES: [string, (source: string) => string][] = [
  ["renamed identifiers", renameIdentifiers],
  ["reordered functions", reorderFunctions],
  ["other comments and whitespace", recommentAndReformat],
  ["dead code added", addDeadCode],
  ["all four at once", (s) => addDeadCode(recommentAndReformat(reorderFunctions(renameIdentifiers(s))))],
];
