/**
 * Internal. Every built-in the sandbox's own code uses once student code has run,
 * captured when the harness bundle is evaluated, before the first line of student
 * code. Student code may replace any global, prototype method, getter or
 * well-known symbol; it cannot reach these references.
 *
 * Methods are uncurried (bound to the original Function.prototype.call), so calling
 * one never looks up `call`, `apply` or the method again. Code that runs after
 * student code uses these and plain syntax only: no for-of, spread or array
 * destructuring (they consult Symbol.iterator), no `instanceof` on a global, no
 * method calls on values.
 *
 * The same modules run on the trusted side too (fixtures, diagnoses), where
 * capturing changes nothing.
 */
import { writeSync } from "node:fs";
import { types } from "node:util";

const uncurry = Function.prototype.bind.bind(Function.prototype.call) as <T, A extends unknown[], R>(
  fn: (this: T, ...args: A) => R,
) => (self: T, ...args: A) => R;

export const apply = Reflect.apply;
export const define = Object.defineProperty;
export const describe = Object.getOwnPropertyDescriptor;
export const ownKeys = Object.keys;
export const hasOwn = Object.hasOwn;
export const create = Object.create;
export const freeze = Object.freeze;
export const getPrototypeOf = Object.getPrototypeOf;
export const setPrototypeOf = Object.setPrototypeOf;
export const ObjectPrototype = Object.prototype;
export const isArray = Array.isArray;
export const arrayFrom = Array.from;
export const isView = ArrayBuffer.isView;
export const isProxy = types.isProxy;
export const isDataView = types.isDataView;
export const isPromise = types.isPromise;
export const stringify = JSON.stringify;
export const parse = JSON.parse;
export const toText = String;
export const write = writeSync;
export const wait = Atomics.wait;

export const charCodeAt = uncurry(String.prototype.charCodeAt);
export const stringSlice = uncurry(String.prototype.slice);
export const regexpExec = uncurry(RegExp.prototype.exec);
/** `x instanceof C` without consulting a Symbol.hasInstance that student code defined on C. */
export const hasInstance = uncurry(Function.prototype[Symbol.hasInstance]);
export const ErrorClass = Error;

// The %TypedArray% getter every typed array inherits `length` from.
const typedArrayLength = describe(getPrototypeOf(Uint8Array.prototype), "length")!.get!;
export const viewLength = uncurry(typedArrayLength as (this: ArrayLike<unknown>) => number);

// In its own module, which imports nothing from Node: the playground's browser code uses the activations too.
export { math } from "./math.ts";

/** A fresh array of `length` entries from `entry`: entries are defined (no setter on Array.prototype sees them). */
export function arrayOf<T>(length: number, entry: (i: number) => T): T[] {
  const like = create(null) as { length: number };
  like.length = length;
  return arrayFrom(like, (_: unknown, i: number) => entry(i));
}

/**
 * Sets a property by definition, not assignment: a setter on a prototype cannot swallow it.
 * The descriptor has no prototype: defineProperty asks it for "get" and "set" with `in`, and
 * an Object.prototype.get would otherwise be taken for part of it.
 */
export function put(target: object, key: string | number, value: unknown): void {
  define(target, key, {
    __proto__: null,
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  } as PropertyDescriptor);
}

/**
 * An own data property's value, or `missing` when the property is absent or an accessor: no
 * getter runs. The descriptor's own "value" is asked for: `"value" in slot` would also see an
 * Object.prototype.value.
 */
export function ownValue(target: object, key: string | number, missing: unknown): unknown {
  const slot = describe(target, key);
  return slot !== undefined && hasOwn(slot, "value") ? slot.value : missing;
}
