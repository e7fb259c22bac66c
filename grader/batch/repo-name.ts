/**
 * Internal. Which repository a roster row names, checked before anything is
 * cloned: roster cells come from forms and exports that students can type
 * into, and a cell spliced into a URL could otherwise move a clone to another
 * owner ("../../other/repo"), another host, or another protocol (file://,
 * ext::). Only plain GitHub names are taken: an owner of letters, digits,
 * hyphens (and underscores, for Enterprise managed users), and a repository
 * name of letters, digits, dot, hyphen and underscore, or an https URL made
 * of exactly those.
 */

/** A GitHub account or organisation: no dot, no slash, no leading or trailing hyphen. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/;
/** A repository name as GitHub allows it, but never "." or ".." (a path step). */
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export const isOwner = (s: string): boolean => OWNER.test(s);
export const isRepoName = (s: string): boolean => NAME.test(s) && s !== "." && s !== ".." && !/\.git$/i.test(s);

/** A roster row's repository, ready to clone, or why it cannot be. */
export type RepoTarget = { url: string; host: string; fullName: string; fromBase: boolean } | { problem: string };

const PLAIN = "a GitHub owner/name of letters, digits, '-', '_' and '.'";

function ownerName(owner: string, name: string, shown: string): string | undefined {
  if (!isOwner(owner)) return `"${shown}" has the owner "${owner}", which is not a GitHub name; expected ${PLAIN}`;
  if (!isRepoName(name))
    return `"${shown}" has the name "${name}", which is not a GitHub repository name; expected ${PLAIN}`;
  return undefined;
}

/**
 * Where to clone `repository` from: "owner/name" under `base` (the TA's --base-url), or an https URL
 * whose path is exactly /owner/name(.git). `host` is where the URL points, so a token goes only there.
 */
export function repoTarget(repository: string, base: string): RepoTarget {
  const shown = repository.length > 200 ? `${repository.slice(0, 200)}…` : repository;
  // Nothing but what names and an https URL are made of: no "@", "%", "\\", space or look-alike letters,
  // which URL parsers and git read differently.
  if (/[^A-Za-z0-9._/:-]/.test(repository))
    return { problem: `"${shown}" holds characters that are not part of ${PLAIN} or an https URL of one` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(repository)) {
    let url: URL;
    try {
      url = new URL(repository);
    } catch {
      return { problem: `"${shown}" is not a URL; expected ${PLAIN} or https://<host>/owner/name` };
    }
    if (url.protocol !== "https:")
      return { problem: `"${shown}" is not an https URL; expected ${PLAIN} or https://<host>/owner/name` };
    if (url.username || url.password)
      return { problem: `"${shown}" holds a user name or password; give the repository without credentials` };
    if (url.search || url.hash)
      return { problem: `"${shown}" has a query or fragment; give https://<host>/owner/name` };
    // The raw text, not url.pathname: URL parsing resolves "/a/../b" to "/b", which is the attack itself.
    const raw = /^https:\/\/[^/]+(\/.*)$/i.exec(repository)?.[1] ?? "";
    const m = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(raw);
    if (!m) return { problem: `"${shown}" is not https://<host>/owner/name` };
    const problem = ownerName(m[1], m[2], shown);
    if (problem) return { problem };
    return {
      url: `https://${url.host}/${m[1]}/${m[2]}.git`,
      host: url.host,
      fullName: `${m[1]}/${m[2]}`,
      fromBase: false,
    };
  }
  const parts = repository.replace(/\.git$/i, "").split("/");
  if (parts.length !== 2) return { problem: `"${shown}" is not ${PLAIN}` };
  const problem = ownerName(parts[0], parts[1], shown);
  if (problem) return { problem };
  const baseUrl = new URL(base.replace(/\/?$/, "/"));
  return {
    url: `${base.replace(/\/$/, "")}/${parts[0]}/${parts[1]}.git`,
    host: baseUrl.protocol === "https:" ? baseUrl.host : "",
    fullName: `${parts[0]}/${parts[1]}`,
    fromBase: true,
  };
}

/** A cell spliced into --template: one name, never a path step or a separator. */
export function templateCellProblem(column: string, value: string): string | undefined {
  if (value === "") return `the ${column} column is empty`;
  if (!NAME.test(value) || value === "." || value === "..")
    return `the ${column} column holds "${value.slice(0, 100)}", which is not a plain GitHub name (letters, digits, '-', '_', '.')`;
  return undefined;
}
