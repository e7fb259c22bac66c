// The page is built with stand-ins for these (see ../bundle.ts): sandbox/intrinsics.ts, reached through the kit's
// activations, imports them for the sandbox's own use.
declare module "node:fs" {
  export function writeSync(fd: number, text: string): number;
}
declare module "node:util" {
  export const types: {
    isProxy(value: unknown): boolean;
    isDataView(value: unknown): value is DataView;
    isPromise(value: unknown): value is Promise<unknown>;
  };
}
