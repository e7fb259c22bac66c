/**
 * What arrives at the kit's front door, written as an attacker (or an honest
 * but unlucky TA or student) would: roster cells that try to move a clone or
 * its token, submission names that are the kit's own output names, macOS
 * zip debris, invisible direction controls, and rosters from other locales.
 * Each table has more variants than the issue names; the tests in
 * intake-*.test.ts run them all.
 */

/** Repository cells (the roster's `repository` column) that must be refused, each with what it tries. */
export const refusedRepositories: { cell: string; tries: string }[] = [
  { cell: "org/../evil/x", tries: "step up to another owner" },
  { cell: "../evil/x", tries: "step above the owner" },
  { cell: "org/x/../../evil/y", tries: "step back out to another owner" },
  { cell: "org/..", tries: "a name that is a path step" },
  { cell: "org/.", tries: "a name that is a path step" },
  { cell: "./org/x", tries: "a leading path step" },
  { cell: "org//x", tries: "an empty path part" },
  { cell: "/org/x", tries: "an absolute path" },
  { cell: "org", tries: "no name at all" },
  { cell: "org/x/y", tries: "three parts" },
  { cell: "-upload-pack=evil/x", tries: "an owner that reads as an option" },
  { cell: "org-/x", tries: "an owner ending in a hyphen" },
  { cell: "o.rg/x", tries: "a dot in the owner" },
  { cell: `${"a".repeat(70)}/x`, tries: "an owner too long for GitHub" },
  { cell: `org/${"x".repeat(101)}`, tries: "a name too long for GitHub" },
  { cell: "org/x y", tries: "a space" },
  { cell: "org/x;touch /tmp/p", tries: "shell syntax" },
  { cell: "org%2F..%2Fevil/x", tries: "an encoded path step" },
  { cell: "org/x%00", tries: "an encoded NUL" },
  { cell: "org\\..\\evil/x", tries: "backslash path steps" },
  { cell: "gіthub-org/x", tries: "a Cyrillic look-alike letter" },
  { cell: "org/x\u202e", tries: "a bidi override" },
  { cell: "git@github.com:org/x.git", tries: "an ssh address" },
  { cell: "ssh://git@github.com/org/x", tries: "an ssh URL" },
  { cell: "http://github.com/org/x", tries: "plain http, which would send the token in clear" },
  { cell: "file:///srv/secret/repo", tries: "a local repository of the grading machine" },
  { cell: "file://../../solutions", tries: "a local path" },
  { cell: "ext::sh -c touch% /tmp/pwned", tries: "git's ext transport, which runs a command" },
  { cell: "fd::3", tries: "git's fd transport" },
  { cell: "https://x-access-token:abc@github.com/org/x", tries: "credentials in the URL" },
  { cell: "https://user@github.com/org/x", tries: "a user name in the URL" },
  { cell: "https://github.com@evil.example/org/x", tries: "a host hidden after an @" },
  { cell: "https://github.com\\@evil.example/org/x", tries: "a backslash that parsers read differently" },
  { cell: "https://github.com/org/../evil/x", tries: "a path step in a URL" },
  { cell: "https://github.com/org/x/../../evil/y", tries: "path steps back out in a URL" },
  { cell: "https://github.com/org/x?ref=evil", tries: "a query" },
  { cell: "https://github.com/org/x#frag", tries: "a fragment" },
  { cell: "https://github.com/org", tries: "an owner only" },
  { cell: "https://github.com/org/x/tree/main", tries: "a page, not a repository" },
];

/** Repository cells that are fine, and the URL each clones from (base https://github.com). */
export const acceptedRepositories: { cell: string; url: string; host: string }[] = [
  { cell: "org/ada", url: "https://github.com/org/ada.git", host: "github.com" },
  { cell: "org/ada.git", url: "https://github.com/org/ada.git", host: "github.com" },
  { cell: "Org-2/backprop.v2", url: "https://github.com/Org-2/backprop.v2.git", host: "github.com" },
  { cell: "org/-dash_under.score", url: "https://github.com/org/-dash_under.score.git", host: "github.com" },
  { cell: "ada_acme/x", url: "https://github.com/ada_acme/x.git", host: "github.com" },
  { cell: "https://github.com/org/ada", url: "https://github.com/org/ada.git", host: "github.com" },
  { cell: "https://github.com/org/ada.git", url: "https://github.com/org/ada.git", host: "github.com" },
  { cell: "https://github.com/org/ada/", url: "https://github.com/org/ada.git", host: "github.com" },
  { cell: "https://gitlab.example/org/ada", url: "https://gitlab.example/org/ada.git", host: "gitlab.example" },
  { cell: "https://ghe.example:8443/org/ada", url: "https://ghe.example:8443/org/ada.git", host: "ghe.example:8443" },
];

/** Cells spliced into --template "org/backprop-{submission}" (or "{github}/backprop") that must be refused. */
export const refusedTemplateCells: string[] = [
  "../../evil/x",
  "..",
  ".",
  "a/b",
  "x/../../../evil/y",
  "a b",
  "x?y=1",
  "x#y",
  "%2e%2e%2fevil",
  "x\\y",
  "x@evil.example",
  "x:y",
  "",
  "\u202eada",
  "adа", // a Cyrillic а at the end
];

/** Hosts a token must not reach though the clone is from github.com (git's credential request). */
export const foreignHosts: { protocol: string; host: string }[] = [
  { protocol: "https", host: "evil.example" },
  { protocol: "https", host: "github.com.evil.example" },
  { protocol: "https", host: "evil-github.com" },
  { protocol: "https", host: "github.com:8443" },
  { protocol: "https", host: "api.github.com.evil.example" },
  { protocol: "http", host: "github.com" },
  { protocol: "https", host: "lfs.evil.example" },
  { protocol: "https", host: "" },
];

/**
 * What macOS adds to a submission (issue 21.9), by where the student's work is and what debris comes with it.
 * `work` is where the reference solutions go: "exercises", "<folder>/exercises", or loose files ("loose:<folder>").
 * `debris` are the paths macOS adds; "{each}" stands for every exercise file's path under exercises/.
 */
export const macDebris: { name: string; work: string; debris: string[] }[] = [
  {
    name: "Archive Utility on exercises/",
    work: "exercises",
    debris: ["__MACOSX/exercises/{each}", "__MACOSX/._exercises"],
  },
  {
    name: "Archive Utility on the kit folder",
    work: "kit/exercises",
    debris: ["__MACOSX/kit/exercises/{each}", "__MACOSX/kit/._exercises", "__MACOSX/._kit"],
  },
  {
    name: "__MACOSX/exercises beside kit/exercises",
    work: "kit/exercises",
    debris: ["__MACOSX/exercises/{each}", "kit/.DS_Store"],
  },
  {
    name: "AppleDouble files in place (a FAT stick, bsdtar)",
    work: "exercises",
    debris: ["exercises/{each}", "._exercises", "exercises/.DS_Store", "exercises/01-linear-algebra/.DS_Store"],
  },
  { name: "AppleDouble beside types.ts", work: "exercises", debris: ["exercises/._types.ts", ".DS_Store"] },
  {
    name: "AppleDouble in place one folder down",
    work: "kit/exercises",
    debris: ["kit/exercises/{each}", "kit/._exercises", "._kit"],
  },
  {
    name: "a stale copy of an exercise inside __MACOSX",
    work: "exercises",
    debris: ["__MACOSX/exercises/01-linear-algebra/linalg.ts", "__MACOSX/exercises/05-delta/delta.ts"],
  },
  {
    name: "loose files with their AppleDouble",
    work: "loose:",
    debris: ["._delta.ts", "._forward.ts", "__MACOSX/._delta.ts"],
  },
  {
    name: "loose files one folder down",
    work: "loose:hw",
    debris: ["hw/._delta.ts", "__MACOSX/hw/._delta.ts", "__MACOSX/hw/delta.ts", "hw/.DS_Store"],
  },
];

/** An AppleDouble file's start (magic 0x00051607, version 2, "Mac OS X"), then bytes that are not UTF-8. */
export const APPLE_DOUBLE = Buffer.concat([
  Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]),
  Buffer.from("Mac OS X        "),
  Buffer.from([0x00, 0x02, 0xff, 0xfe, 0x80, 0x81, 0xc0, 0x00]),
]);

/**
 * Submission names that are, or become, the kit's own top-level output names (issue 21.5): each is a folder
 * of the class unless it ends in .zip. Case, a trailing dot and a .zip must not slip past.
 */
export const reservedSubmissionNames: string[] = [
  "similarity.html",
  "similarity.csv",
  "summary.html",
  "gradebook.csv",
  "canvas.csv",
  "assets",
  "Summary.HTML",
  "GRADEBOOK.csv",
  "similarity.html.zip",
  "canvas.csv.zip",
  "ASSETS.zip",
  "feedback",
  "results.json",
  "regrade.html",
  "regrade.csv",
  "clone-log.csv",
];

/** One roster, as spreadsheets in different locales save it (issue 24.6). Each must read as ROSTER_ENTRIES. */
export const ROSTER_ENTRIES = [
  { submission: "ada", student: "Lovelace, Ada", id: "101" },
  { submission: "zoe", student: "Müller; Zoë", id: "102" },
];
const rows = (sep: string, quote = (s: string) => `"${s}"`) =>
  [
    "submission" + sep + "student" + sep + "id",
    ...ROSTER_ENTRIES.map((e) => [e.submission, quote(e.student), e.id].join(sep)),
  ].join("\n") + "\n";
export const rosterSpellings: { name: string; bytes: Buffer }[] = [
  { name: "commas", bytes: Buffer.from(rows(",")) },
  { name: "semicolons (Excel in de, fr, …)", bytes: Buffer.from(rows(";")) },
  { name: "semicolons with CRLF and a BOM", bytes: Buffer.from("\uFEFF" + rows(";").replaceAll("\n", "\r\n")) },
  { name: "tabs", bytes: Buffer.from(rows("\t")) },
  {
    name: "tabs, nothing quoted but the ; field",
    bytes: Buffer.from(rows("\t", (s) => (s.includes(";") ? `"${s}"` : s))),
  },
  { name: "Excel's sep=; line first", bytes: Buffer.from("sep=;\n" + rows(";")) },
  { name: "Excel's sep=, line first, with CRLF", bytes: Buffer.from(("sep=,\n" + rows(",")).replaceAll("\n", "\r\n")) },
  { name: "Excel 'Unicode text': UTF-16LE with tabs", bytes: Buffer.from("\uFEFF" + rows("\t"), "utf16le") },
  {
    name: "UTF-16BE with semicolons",
    bytes: Buffer.from(Buffer.from("\uFEFF" + rows(";"), "utf16le").swap16()),
  },
  { name: "Windows-1252 with semicolons", bytes: Buffer.from(rows(";"), "latin1") },
  { name: "blank lines before the header", bytes: Buffer.from("\n\n" + rows(";")) },
];

/**
 * Characters that must not reach any file the grader writes raw (issue 21.10): C1 (NEL, CSI, …), the bidi
 * embeddings, overrides and isolates (Trojan Source), the bidi marks, and the Unicode line separators.
 */
export const invisibleCharacters: { char: string; name: string }[] = [
  { char: "\u0080", name: "PAD (C1 first)" },
  { char: "\u0085", name: "NEL" },
  { char: "\u009b", name: "CSI" },
  { char: "\u009d", name: "OSC" },
  { char: "\u009f", name: "APC (C1 last)" },
  { char: "\u061c", name: "ARABIC LETTER MARK" },
  { char: "\u200e", name: "LRM" },
  { char: "\u200f", name: "RLM" },
  { char: "\u2028", name: "LINE SEPARATOR" },
  { char: "\u2029", name: "PARAGRAPH SEPARATOR" },
  { char: "\u202a", name: "LRE" },
  { char: "\u202b", name: "RLE" },
  { char: "\u202c", name: "PDF" },
  { char: "\u202d", name: "LRO" },
  { char: "\u202e", name: "RLO" },
  { char: "\u2066", name: "LRI" },
  { char: "\u2067", name: "RLI" },
  { char: "\u2068", name: "FSI" },
  { char: "\u2069", name: "PDI" },
];
