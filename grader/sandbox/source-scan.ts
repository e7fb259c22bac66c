/**
 * Internal. What a submission's source is refused for before esbuild sees it,
 * found with TypeScript's own scanner in one pass without recursion, so that
 * strings, comments, regular expressions and template literals (with their
 * `${…}` parts, nested) are read as the compiler reads them and can hide
 * nothing:
 *
 * - brackets nested deeper than MAX_SOURCE_DEPTH (esbuild's parser recurses);
 * - more than MAX_SOURCE_IMPORTS imports (each costs the compiler a round trip);
 * - enum members whose values esbuild would copy into more than
 *   MAX_BUNDLE_BYTES of code: every use of a member is replaced by its value,
 *   and a member may be built from others, so a few hundred bytes can ask for
 *   gigabytes;
 * - a `/` that could start a regular expression or be a division, where the
 *   two readings would see different code (a quote or backtick inside).
 */
import { createScanner, stringToToken, tokenIsIdentifierOrKeyword as isName } from "typescript/unstable/ast/scanner";
import { MAX_BUNDLE_BYTES } from "./bundle-limits.ts";

/** Brackets nested deeper than this are refused before parsing; real code stays under 30. */
export const MAX_SOURCE_DEPTH = 256;
/** More import or export-from clauses than this in one file are refused; each costs the compiler a round trip. */
export const MAX_SOURCE_IMPORTS = 200;

type Kind = number;
const k = (text: string): Kind => stringToToken(text)!;
/** Token kinds with no text of their own, learnt from the scanner on a sample. */
const [EOF, IDENT, STRING, NUMBER, TEMPLATE, HEAD, MIDDLE, TAIL] = (() => {
  const s = createScanner(true, undefined, "");
  const eof = s.scan();
  s.setText('x "s" 1 `t` `h${x}m${x}t`');
  const kinds = [eof, s.scan(), s.scan(), s.scan(), s.scan(), s.scan()];
  s.scan();
  s.scan();
  kinds.push(s.reScanTemplateToken(false));
  s.scan();
  s.scan();
  kinds.push(s.reScanTemplateToken(false));
  return kinds;
})();
const [OPEN, CLOSE] = [new Set(["(", "[", "{"].map(k)), new Set([")", "]", "}"].map(k))];
const [PAREN, BRACE, CLOSE_PAREN, CLOSE_BRACE, CLOSE_BRACKET] = ["(", "{", ")", "}", "]"].map(k);
const [SLASH, SLASH_EQ, DOT, EQUALS, COMMA] = ["/", "/=", ".", "=", ","].map(k);
const [IMPORT, FROM, REQUIRE, ENUM] = ["import", "from", "require", "enum"].map(k);
/** Keywords after which `/` starts a regular expression. */
const REGEX_AFTER = new Set(
  ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else"]
    .concat(["yield", "await", "extends"])
    .map(k),
);
/** Keywords before `(` whose `)` ends a statement's head, after which `/` starts a regular expression. */
const STATEMENT_HEAD = new Set(["if", "while", "for", "with"].map(k));
/** Tokens after which `{` opens an object literal (an expression) rather than a block. */
const EXPRESSION_BEFORE = new Set(["(", "[", ",", "=", ":", "?", "+", "-", "!", "||", "&&", "??", "return"].map(k));
/** Tokens after which `/` is a division: the end of an operand (and any name or keyword but those above). */
const OPERAND_END = new Set([STRING, NUMBER, TEMPLATE, TAIL, k("]")]);
/** A regular expression's text that would hide code from one reading: a quote, a backtick or a comment. */
const HIDES = /[`'"]|\/\*|\/\//;

/** What one file holds that the limits look at. */
interface Scanned {
  problem?: string;
  /** Enum members defined here: "Enum.member" → the tokens of its initializer. */
  members: [string, string, Token[]][];
  /** "Enum.member" references (X.Y) made here, counted. */
  refs: Map<string, number>;
}

interface Token {
  kind: Kind;
  text: string;
}

const mb = (bytes: number) => `${Number((bytes / 2 ** 20).toFixed(1))} MB`;

function scan(text: string): Scanned {
  const s = createScanner(true, undefined, text);
  const out: Scanned = { members: [], refs: new Map() };
  // One entry per open bracket or `${`: its kind, and for `(` and `{` whether `/` after its closer is a regex.
  const stack: { kind: Kind; regexAfter: boolean }[] = [];
  let imports = 0;
  let prev = EOF;
  let before = EOF;
  let prevText = "";
  let beforeText = "";
  let afterClose = false;
  // In `enum Name { member = init, … }`: the enum, its body's depth, the member and its initializer's tokens.
  let enumName: string | undefined;
  let enumDepth = -1;
  let member: string | undefined;
  let init: Token[] | undefined;
  const endMember = () => {
    if (enumName !== undefined && member !== undefined) out.members.push([enumName, member, init ?? []]);
    member = init = undefined;
  };
  for (let t = s.scan(); t !== EOF; t = s.scan()) {
    if (t === SLASH || t === SLASH_EQ) {
      const regexHere =
        prev === EOF ||
        REGEX_AFTER.has(prev) ||
        (prev === CLOSE_PAREN || prev === CLOSE_BRACE ? afterClose : !OPERAND_END.has(prev) && !isName(prev));
      if (prev === CLOSE_BRACE) {
        // After `}` either reading is possible (a block, or an object literal): where they would see different
        // code, refuse rather than guess.
        const other = s.lookAhead(() => (s.reScanSlashToken() !== t && !s.isUnterminated() ? s.getTokenText() : ""));
        if (/[`'"([{]|import|require/.test(other.slice(1)))
          return { ...out, problem: "a `/` here could be a division or a regular expression; add parentheses" };
      }
      if (regexHere) {
        t = s.reScanSlashToken();
      } else {
        // Read as a division; where reading it as a regular expression would hide or show other code, refuse.
        const other = s.lookAhead(() => (s.reScanSlashToken() !== t && !s.isUnterminated() ? s.getTokenText() : ""));
        if (HIDES.test(other.slice(1)))
          return { ...out, problem: "a `/` here could be a division or a regular expression; add parentheses" };
      }
    }
    if (OPEN.has(t) || t === HEAD) {
      const regexAfter = t === PAREN ? STATEMENT_HEAD.has(prev) : t === BRACE && !EXPRESSION_BEFORE.has(prev);
      stack.push({ kind: t, regexAfter });
      if (stack.length > MAX_SOURCE_DEPTH)
        return {
          ...out,
          problem: `brackets are nested more than ${MAX_SOURCE_DEPTH} levels deep; the compiler refuses it`,
        };
      if (t === BRACE && isName(prev) && before === ENUM) {
        [enumName, enumDepth] = [prevText, stack.length];
        member = init = undefined;
        prev = t;
        continue;
      }
    } else if (CLOSE.has(t)) {
      const top = stack.pop();
      afterClose = top?.regexAfter ?? false;
      if (enumName !== undefined && stack.length < enumDepth) {
        endMember();
        enumName = undefined;
      }
      if (t === CLOSE_BRACE && top?.kind === HEAD) {
        // The `}` that closes a `${` goes on with the template: its middle (another `${`) or its tail.
        t = s.reScanTemplateToken(false);
        if (t === MIDDLE) stack.push({ kind: HEAD, regexAfter: false });
      }
    } else if (t === IMPORT || t === FROM || t === REQUIRE) {
      if (++imports > MAX_SOURCE_IMPORTS)
        return { ...out, problem: `more than ${MAX_SOURCE_IMPORTS} imports in one file; the compiler refuses it` };
    }
    // Only names and what an enum holds need their text.
    const value = isName(t) ? s.getTokenValue() : enumName === undefined ? "" : valueOf(s, t);
    if (enumName !== undefined) {
      const atBody = stack.length === enumDepth;
      if (atBody && t === COMMA) endMember();
      else if (atBody && member === undefined) member = value;
      else if (atBody && t === EQUALS && init === undefined) init = [];
      else if (init !== undefined) init.push({ kind: t, text: value });
    }
    if (isName(t) && prev === DOT && isName(before)) {
      const ref = `${beforeText}.${value}`;
      out.refs.set(ref, (out.refs.get(ref) ?? 0) + 1);
    }
    before = prev;
    beforeText = prevText;
    prev = t;
    prevText = value;
  }
  return out;
}

function valueOf(s: ReturnType<typeof createScanner>, t: Kind): string {
  return t === STRING ? s.getTokenValue() : s.getTokenText();
}

/** How long each enum member's value is, as esbuild folds it: strings and templates concatenated, members inlined. */
function memberLengths(all: [string, string, Token[]][]): Map<string, number> {
  const lengths = new Map<string, number>();
  // Members refer to earlier members, or to other enums' (perhaps in another file): a few rounds settle them.
  for (let round = 0; round < 3; round++) {
    for (const [name, member, init] of all) {
      let length = 0;
      for (let i = 0; i < init.length; i++) {
        const t = init[i];
        if ([STRING, TEMPLATE, HEAD, MIDDLE, TAIL, NUMBER].includes(t.kind)) length += t.text.length;
        else if (isName(t.kind) && init[i + 1]?.kind === DOT && isName(init[i + 2]?.kind ?? EOF)) {
          length += lengths.get(`${t.text}.${init[i + 2].text}`) ?? 0;
          i += 2;
        } else if (isName(t.kind)) length += lengths.get(`${name}.${t.text}`) ?? 0;
      }
      lengths.set(`${name}.${member}`, Math.max(length, lengths.get(`${name}.${member}`) ?? 0));
    }
  }
  return lengths;
}

/** Scans by file contents: a class shares its stubs and helpers, and each is read once. */
const seen = new Map<string, Scanned>();
const SEEN_MAX = 4096;

/**
 * Why each refused file is refused, for a submission's files (path → text); `hashes` (path → hash of its
 * contents) lets a file scanned before be skipped.
 */
export function sourceProblems(files: Map<string, string>, hashes?: Map<string, string>): Map<string, string> {
  const refused = new Map<string, string>();
  const scanned = new Map<string, Scanned>();
  for (const [rel, text] of files) {
    const hash = hashes?.get(rel);
    let result = hash === undefined ? undefined : seen.get(hash);
    if (!result) {
      result = scan(text);
      if (hash !== undefined) {
        if (seen.size >= SEEN_MAX) seen.delete(seen.keys().next().value!);
        seen.set(hash, result);
      }
    }
    if (result.problem) refused.set(rel, result.problem);
    else scanned.set(rel, result);
  }
  const lengths = memberLengths([...scanned.values()].flatMap((r) => r.members));
  if (lengths.size === 0) return refused;
  for (const [rel, result] of scanned) {
    let bytes = 0;
    for (const [name, member] of result.members) bytes += lengths.get(`${name}.${member}`) ?? 0;
    for (const [ref, count] of result.refs) bytes += count * (lengths.get(ref) ?? 0);
    if (bytes > MAX_BUNDLE_BYTES)
      refused.set(
        rel,
        `enum members would be copied into about ${mb(bytes)} of compiled code (esbuild copies a member's value ` +
          `into every use), over the ${mb(MAX_BUNDLE_BYTES)} limit`,
      );
  }
  return refused;
}

/** Why one file is refused on its own, if it is. */
export function sourceProblem(text: string): string | undefined {
  return sourceProblems(new Map([["file", text]])).get("file");
}
