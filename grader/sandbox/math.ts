/**
 * Internal. The Math functions the kit's activations and test functions use, captured when the harness bundle is
 * evaluated, before student code can replace them (see intrinsics.ts). Apart from intrinsics.ts because that imports
 * Node's modules, and the playground runs the activations in the browser.
 */
export const math = Object.freeze({
  exp: Math.exp,
  log: Math.log,
  max: Math.max,
  sin: Math.sin,
  tanh: Math.tanh,
});
