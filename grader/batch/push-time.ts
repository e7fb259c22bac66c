/**
 * The commit a repository's default branch pointed at, at a deadline, by the
 * time GitHub received each push rather than the commit's own date (which
 * whoever commits sets freely: GIT_COMMITTER_DATE). Read from GitHub's
 * repository activity API (GET /repos/{owner}/{repo}/activity), which records
 * each push, force push and merge to a branch with its `after` commit and a
 * server-side `timestamp`, newest first.
 */
export const DEFAULT_API_URL = "https://api.github.com";

/** The fields of an activity this module reads; GitHub sends more. */
interface Activity {
  after: string;
  ref: string;
  timestamp: string;
  activity_type: string;
}

/** Pages followed at most: 100 activities each, newest first, so a deadline this far back is an error. */
const MAX_PAGES = 20;

export class PushTimeError extends Error {}

/** owner/name from a roster's repository: owner/name itself or a github.com URL. */
export function ownerAndName(repository: string): string | undefined {
  const m = /^(?:https?:\/\/[^/]+\/)?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(repository.trim());
  return m?.[1];
}

function nextLink(header: string | null): string | undefined {
  return header
    ?.split(",")
    .map((part) => /<([^>]+)>;\s*rel="next"/.exec(part)?.[1])
    .find((url) => url !== undefined);
}

async function getJson(url: string, token: string | undefined): Promise<{ body: unknown; next?: string }> {
  const headers: Record<string, string> = {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": "backprop-kit-clone-roster",
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new PushTimeError(`cannot reach the API at ${new URL(url).origin}: ${(error as Error).message}`);
  }
  if ((response.status === 403 || response.status === 429) && response.headers.get("x-ratelimit-remaining") === "0")
    throw new PushTimeError(
      `the API's rate limit is used up${token ? "" : " (60 requests an hour without a token)"}; set GH_TOKEN, or wait and run again`,
    );
  if (response.status === 404 || response.status === 403 || response.status === 401)
    throw new PushTimeError(
      `the API answered ${response.status} for the repository's activity; GH_TOKEN must be able to read the repository`,
    );
  if (!response.ok) throw new PushTimeError(`the API answered ${response.status} ${response.statusText}`);
  return { body: await response.json(), next: nextLink(response.headers.get("link")) };
}

function isActivity(a: unknown): a is Activity {
  const x = a as Partial<Activity> | null;
  return (
    typeof x === "object" &&
    x !== null &&
    typeof x.after === "string" &&
    typeof x.ref === "string" &&
    typeof x.timestamp === "string" &&
    typeof x.activity_type === "string"
  );
}

/**
 * The commit `branch` pointed at just before `deadline`, by push time. Every kind of activity that moves a
 * branch counts (push, force push, merge); a deletion does not.
 */
export async function commitAtDeadline(options: {
  repository: string;
  branch: string;
  deadline: Date;
  apiUrl: string;
  token?: string;
}): Promise<{ commit: string; pushedAt: string }> {
  const repo = ownerAndName(options.repository);
  if (!repo)
    throw new PushTimeError(
      `push times need a GitHub repository as owner/name, not ${options.repository}; use --by commit for other hosts`,
    );
  const query = new URLSearchParams({ ref: `refs/heads/${options.branch}`, per_page: "100", direction: "desc" });
  let url: string | undefined = `${options.apiUrl.replace(/\/$/, "")}/repos/${repo}/activity?${query}`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const { body, next } = await getJson(url, options.token);
    if (!Array.isArray(body)) throw new PushTimeError("the API's answer is not a list of activities");
    const before = body
      .filter(isActivity)
      .filter((a) => a.ref === `refs/heads/${options.branch}` && a.activity_type !== "branch_deletion")
      .filter((a) => Date.parse(a.timestamp) < options.deadline.getTime())
      .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    if (before.length > 0) return { commit: before[0].after, pushedAt: before[0].timestamp };
    // The token goes with each page: a next link to another origin would take it there.
    if (next && new URL(next, url).origin !== new URL(options.apiUrl).origin)
      throw new PushTimeError(`the API's next page is on another host (${new URL(next, url).origin}); not followed`);
    url = next && new URL(next, url).href;
  }
  throw new PushTimeError(`nothing was pushed to ${options.branch} before ${options.deadline.toISOString()}`);
}
