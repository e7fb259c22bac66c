// Types for bundle-cache.js, which is plain JavaScript so that the launchers can import it before anything compiles
// TypeScript.
export const CLIS: string[];
export function bundleDir(root: string): Promise<string | undefined>;
export function runCli(root: string, name: string): Promise<void>;
