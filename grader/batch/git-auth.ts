/**
 * Internal. How a clone authenticates: GH_TOKEN goes to git through a
 * credential helper that answers only for https on the GitHub host (github.com,
 * or an Enterprise host given by --github-host or GH_HOST), and only when the
 * URL being cloned is on that host. The token is never on a command line, in a
 * URL or in a header that git would send wherever a redirect, an LFS endpoint
 * named by the repository, or a roster cell points: git asks the helper with
 * the host it is about to talk to, and the helper checks it again.
 */

/** The helper git runs as `sh -c '<this> get'`; it reads git's request (protocol=…, host=…) on stdin. */
const HELPER = [
  "!f() {",
  'test "$1" = get || exit 0;',
  "p=; h=;",
  'while IFS= read -r l && test -n "$l"; do case "$l" in protocol=*) p="${l#protocol=}";; host=*) h="${l#host=}";; esac; done;',
  'test "$p" = https && test -n "$BPK_GIT_HOST" && test "$h" = "$BPK_GIT_HOST" || exit 0;',
  "printf 'username=x-access-token\\npassword=%s\\n' \"$BPK_GIT_TOKEN\";",
  "}; f",
].join(" ");

/** Variables that carry tokens, kept from git's environment: only the helper's own variable reaches it. */
const TOKEN_VARIABLES = ["GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "BPK_GIT_TOKEN"];

/** The GitHub host a token belongs to: --github-host, else GH_HOST, else github.com; lower case, no scheme. */
export function githubHost(given?: string): string {
  const host = (given || process.env.GH_HOST || "github.com").trim().toLowerCase();
  return host.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
}

/**
 * git's environment for cloning from `host` (the URL's host, "" when not https). With a token and the
 * GitHub host, a credential helper scoped to https://<host> is the only one git asks; otherwise git gets
 * no token at all.
 */
export function gitEnv(host: string, token: string | undefined, tokenHost: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "never" };
  for (const name of TOKEN_VARIABLES) delete env[name];
  for (const name of Object.keys(env)) if (/^GIT_CONFIG_(COUNT|KEY_|VALUE_)/.test(name)) delete env[name];
  if (!token || host.toLowerCase() !== tokenHost) return env;
  const config: [string, string][] = [
    // An empty helper first clears the TA's own helpers, so the token given is the one used.
    ["credential.helper", ""],
    [`credential.https://${tokenHost}.helper`, HELPER],
  ];
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  env.BPK_GIT_HOST = tokenHost;
  env.BPK_GIT_TOKEN = token;
  return env;
}
