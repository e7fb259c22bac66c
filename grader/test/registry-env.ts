/**
 * NODE_EXTRA_CA_CERTS, set aside for the run and handed back only to the commands that may reach the npm registry.
 *
 * Node 20 reads and parses that file at every start, before any code runs: on the development machine, which points
 * it at the system's bundle of some 150 certificates, `node -e 0` costs 70 ms of CPU with it and 25 ms without
 * (Node 24 reads it when a TLS connection first needs it). A test run starts hundreds of Node processes that never
 * open a TLS connection: vitest's workers, the kit's CLIs, tsx, npm scripts. The global setup moves the variable
 * aside once it has installed what needs the network (Dolos, a browser); `registryEnv()` gives it back to `npm ci`
 * and `npm pack`, which may fetch through a proxy whose certificate only that file holds.
 */

/** Where the global setup keeps the value while the run goes on without it. */
const KEPT = "BACKPROP_TEST_NODE_EXTRA_CA_CERTS";

/** Moves NODE_EXTRA_CA_CERTS aside in this process (and so in every process it starts); returns the undo. */
export function setAsideExtraCaCerts(env: NodeJS.ProcessEnv = process.env): () => void {
  const value = env.NODE_EXTRA_CA_CERTS;
  // A child vitest (node-versions) inherits what its parent set aside: nothing to move, nothing to undo.
  if (value === undefined) return () => undefined;
  env[KEPT] = value;
  delete env.NODE_EXTRA_CA_CERTS;
  return () => {
    env.NODE_EXTRA_CA_CERTS = value;
    delete env[KEPT];
  };
}

/** What a command that may reach the npm registry adds to its environment: the certificates, where there are any. */
export function registryEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const kept = env[KEPT] ?? env.NODE_EXTRA_CA_CERTS;
  return kept === undefined ? {} : { NODE_EXTRA_CA_CERTS: kept };
}
