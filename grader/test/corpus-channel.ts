/**
 * Attacks on what the harness measures inside the sandbox: call counts, purity
 * snapshots and the message channel that carries them (issue 21.2). Each attack
 * patches a global, a prototype, a getter or a well-known symbol that a harness
 * might use after student code has loaded, and uses it to make a submission that
 * calls gPrime too often (05) and changes its inputs (07) look right.
 *
 * The submission under attack is WRONG_BASE: the reference solutions with
 * deltas calling gPrime 200 extra times per layer and sgdStep scribbling into
 * its inputs' b after computing the right answer. Each attack's code runs first
 * in whichever of the two modules loads first; it sets hooks that rewrite
 * whatever they are handed: a message line, a number, an object holding
 * gPrimeCalls, or the arguments sgdStep scribbled into.
 */

export interface ChannelAttack {
  name: string;
  /** Top-level code that installs the attack, with FORGE's helpers in scope. */
  code: string;
  /**
   * Code run by sgdStep just before it returns, once: for patches that would break the
   * modules' own loading (an Object.prototype.value spoils every property descriptor).
   */
  late?: string;
}

/** Where the scribbles go: values no honest case holds, long enough that the originals never print longer. */
const SCRIBBLE = -1.2345678912345678e-200;

/**
 * Helpers every attack has: forge a line, a number or an object in place, and undo the
 * scribbles in the arguments sgdStep was given. `G.__busy` keeps a hook from re-entering
 * itself through the built-ins it calls.
 */
const FORGE = `
const G: any = globalThis;
// The attack's own tools, taken before any hook is set: a hook must not call itself.
const R = {
  apply: Reflect.apply,
  construct: Reflect.construct,
  ownKeys: Reflect.ownKeys,
  describe: Reflect.getOwnPropertyDescriptor,
  define: Object.defineProperty,
  hasOwn: Object.hasOwn,
};
G.__calls = -1;
G.__orig = new Map<number, number>();
G.__args = [];
G.__after = "";
const forgeLine = (line: string): string => {
  if (typeof line !== "string" || line.indexOf('"t":"ok"') < 0) return line;
  let out = line.replace(/"gPrimeCalls":\\d+/g, '"gPrimeCalls":0');
  if (G.__after) out = out.replace(/,"after":.*\\}/s, ',"after":' + G.__after + "}");
  const end = out.endsWith("\\n") ? "\\n" : "";
  const body = end ? out.slice(0, -1) : out;
  const want = line.length - end.length;
  return body.length <= want ? body + " ".repeat(want - body.length) + end : line;
};
const forgeNumber = (n: any): any => (n === G.__calls ? 0 : G.__orig.has(n) ? G.__orig.get(n) : n);
const forgeObject = (o: any, depth = 0): void => {
  if (!o || typeof o !== "object" || depth > 8) return;
  try {
    if (typeof o.gPrimeCalls === "number") o.gPrimeCalls = 0;
    if (typeof o.evaluations === "number") o.evaluations = 0;
    const keys = R.ownKeys(o);
    for (let i = 0; i < keys.length; i++) {
      const d = R.describe(o, keys[i]);
      if (!d || !R.hasOwn(d, "value")) continue;
      if (typeof d.value === "number" && G.__orig.has(d.value)) o[keys[i]] = G.__orig.get(d.value);
      else if (d.value && typeof d.value === "object") forgeObject(d.value, depth + 1);
    }
  } catch {}
};
const forgeAll = (...seen: any[]): void => {
  if (G.__busy) return;
  G.__busy = true;
  try {
    forgeObject(G.__args);
    for (let i = 0; i < seen.length; i++) forgeObject(seen[i]);
  } finally {
    G.__busy = false;
  }
};
/** Rewrites a byte array holding a message line in place (same length, padded with spaces). */
const forgeBytes = (bytes: any, length: number): void => {
  if (G.__busy || !bytes || length < 8 || length > 1 << 22) return;
  G.__busy = true;
  try {
    let s = "";
    for (let i = 0; i < length; i++) s += String.fromCharCode(bytes[i]);
    const forged = forgeLine(s);
    if (forged !== s) for (let i = 0; i < length; i++) bytes[i] = forged.charCodeAt(i);
  } finally {
    G.__busy = false;
  }
};
const TypedArray: any = Object.getPrototypeOf(Uint8Array);
`;

/** A property key as code: a name, or a well-known symbol ("Symbol.iterator"). */
const keyOf = (key: string) => (key.startsWith("Symbol.") ? key : JSON.stringify(key));

/** Replaces `owner[key]` (a method) with one that forges, then calls the original. */
const method = (owner: string, key: string, before: string) => `{
  const owner: any = ${owner};
  const orig = owner[${keyOf(key)}];
  R.define(owner, ${keyOf(key)}, {
    configurable: true, writable: true,
    value: function (this: any, ...args: any[]) { ${before}; return R.apply(orig, this, args); },
  });
}`;

/** Replaces a getter on `owner` with one that forges, then answers as the original. */
const getter = (owner: string, key: string, before: string) => `{
  const owner: any = ${owner};
  const orig = R.describe(owner, ${keyOf(key)})!.get!;
  R.define(owner, ${keyOf(key)}, {
    configurable: true,
    get: function (this: any) { ${before}; return R.apply(orig, this, []); },
  });
}`;

/** Replaces a global constructor or namespace function with a Proxy that forges on every call. */
const global = (name: string) => `{
  const orig: any = (globalThis as any)[${JSON.stringify(name)}];
  (globalThis as any)[${JSON.stringify(name)}] = new Proxy(orig, {
    apply(t: any, self: any, args: any[]) { forgeAll(self, ...args); return R.apply(t, self, args.map(forgeNumber)); },
    construct(t: any, args: any[], nt: any) { forgeAll(...args); return R.construct(t, args, nt); },
  });
}`;

/** A setter and getter on Object.prototype for `key`: swallow what is assigned, answer what forges. */
const protoProperty = (key: string, answer: string) => `
R.define(Object.prototype, ${JSON.stringify(key)}, {
  configurable: true,
  get(this: any) { forgeAll(this); return ${answer}; },
  set(this: any, v: any) { forgeAll(this, v); },
});`;

const lineHooks: ChannelAttack[] = [
  {
    name: "Buffer.prototype.utf8Write rewrites the line",
    code: method("Buffer.prototype", "utf8Write", "args[0] = forgeLine(args[0])"),
  },
  {
    name: "Buffer.prototype.write rewrites the line",
    code: method("Buffer.prototype", "write", "args[0] = forgeLine(args[0])"),
  },
  { name: "Buffer.from rewrites the line", code: method("Buffer", "from", "args[0] = forgeLine(args[0])") },
  {
    name: "Buffer.byteLength sees the line",
    code: method("Buffer", "byteLength", "args[0] = forgeLine(args[0]); forgeAll()"),
  },
  {
    name: "TextEncoder.prototype.encode rewrites the line",
    code: method("TextEncoder.prototype", "encode", "args[0] = forgeLine(args[0])"),
  },
  {
    name: "TextEncoder.prototype.encodeInto rewrites the line",
    code: method("TextEncoder.prototype", "encodeInto", "args[0] = forgeLine(args[0])"),
  },
  {
    name: "the typed-array length getter rewrites the bytes in place",
    code: getter(
      "TypedArray.prototype",
      "length",
      "if (this instanceof Uint8Array) forgeBytes(this, R.apply(orig, this, []))",
    ),
  },
  {
    name: "the typed-array byteLength getter rewrites the bytes in place",
    code: getter(
      "TypedArray.prototype",
      "byteLength",
      "if (this instanceof Uint8Array) forgeBytes(this, R.apply(orig, this, []))",
    ),
  },
  {
    name: "TypedArray.prototype.subarray rewrites the bytes",
    code: method("TypedArray.prototype", "subarray", "forgeBytes(this, this.length)"),
  },
  {
    name: "TypedArray.prototype.set rewrites the source",
    code: method("TypedArray.prototype", "set", "forgeBytes(args[0], args[0] && args[0].length)"),
  },
  {
    name: "TypedArray.prototype.slice rewrites the bytes",
    code: method("TypedArray.prototype", "slice", "forgeBytes(this, this.length)"),
  },
  {
    name: "String.prototype.charCodeAt answers from a forged line",
    code: `{
  const orig = String.prototype.charCodeAt;
  String.prototype.charCodeAt = function (this: string, i: number) {
    const s = String(this);
    const forged = s.length > 8 && !G.__busy ? (G.__busy = true, (() => { try { return forgeLine(s); } finally { G.__busy = false; } })()) : s;
    return R.apply(orig, forged, [i]);
  };
}`,
  },
  {
    name: "String.prototype.codePointAt answers from a forged line",
    code: method(
      "String.prototype",
      "codePointAt",
      "if (!G.__busy) { G.__busy = true; try { const f = forgeLine(String(this)); G.__busy = false; return R.apply(orig, f, args); } finally { G.__busy = false; } }",
    ),
  },
  { name: "String.prototype.slice sees the line", code: method("String.prototype", "slice", "forgeAll()") },
  { name: "String.prototype.concat sees the line", code: method("String.prototype", "concat", "forgeAll()") },
  {
    name: "String.prototype[Symbol.iterator] sees the line",
    code: method("String.prototype", "Symbol.iterator", "forgeAll()"),
  },
  {
    name: "JSON.stringify forges what it is given and what it returns",
    code: `{
  const orig = JSON.stringify;
  JSON.stringify = function (v: any, ...rest: any[]) { forgeAll(v); return forgeLine(R.apply(orig, JSON, [forgeNumber(v), ...rest])); } as any;
}`,
  },
  { name: "Array.prototype.join forges the line", code: method("Array.prototype", "join", "forgeAll(this)") },
  { name: "Atomics.wait sees every wait", code: method("Atomics", "wait", "forgeAll()") },
];

const numberHooks: ChannelAttack[] = [
  { name: "the global String forges numbers", code: global("String") },
  { name: "the global Number forges numbers", code: global("Number") },
  {
    name: "Number.prototype.toString forges numbers",
    code: method("Number.prototype", "toString", "return String(forgeNumber(Number(this)))"),
  },
  { name: "Number.prototype.toFixed forges numbers", code: method("Number.prototype", "toFixed", "forgeAll()") },
  {
    name: "Number.prototype.valueOf forges numbers",
    code: method("Number.prototype", "valueOf", "return forgeNumber(R.apply(orig, this, []))"),
  },
  {
    name: "Number.prototype[Symbol.toPrimitive] forges numbers",
    code: `Object.defineProperty(Number.prototype, Symbol.toPrimitive, { configurable: true, value(this: any) { return forgeNumber(Number.prototype.valueOf.call(this)); } });`,
  },
];

const objectHooks: ChannelAttack[] = [
  ...[
    "keys",
    "entries",
    "values",
    "getOwnPropertyNames",
    "getOwnPropertyDescriptor",
    "getOwnPropertyDescriptors",
    "defineProperty",
    "create",
    "getPrototypeOf",
    "setPrototypeOf",
    "freeze",
    "assign",
    "hasOwn",
  ].map((fn) => ({ name: `Object.${fn} forges its argument`, code: method("Object", fn, "forgeAll(...args)") })),
  ...["ownKeys", "apply", "get", "getOwnPropertyDescriptor", "defineProperty", "has", "construct"].map((fn) => ({
    name: `Reflect.${fn} forges its argument`,
    code: method("Reflect", fn, "forgeAll(...args)"),
  })),
  {
    name: "Object.prototype.hasOwnProperty forges",
    code: method("Object.prototype", "hasOwnProperty", "forgeAll(this)"),
  },
  { name: "Object.prototype.toString forges", code: method("Object.prototype", "toString", "forgeAll(this)") },
  {
    name: "a then getter on Object.prototype rewrites the counts",
    code: `Object.defineProperty(Object.prototype, "then", { configurable: true, get(this: any) { forgeAll(this); return undefined; } });`,
  },
  {
    name: "a toJSON getter on Object.prototype rewrites the counts",
    code: `Object.defineProperty(Object.prototype, "toJSON", { configurable: true, get(this: any) { forgeAll(this); return undefined; } });`,
  },
  { name: "Object.prototype setter and getter for gPrimeCalls", code: protoProperty("gPrimeCalls", "0") },
  { name: "Object.prototype setter and getter for meta", code: protoProperty("meta", "({ gPrimeCalls: 0 })") },
  {
    name: "Object.prototype setter and getter for after",
    code: protoProperty("after", "JSON.parse(G.__after || 'null')"),
  },
  {
    name: "Object.prototype getter for readBack",
    code: protoProperty("readBack", "(() => JSON.parse(G.__after || 'null'))"),
  },
  {
    name: "Object.prototype getter for present",
    code: protoProperty("present", "((v: any) => { forgeAll(); return v; })"),
  },
  {
    name: "Object.prototype getter for inputs",
    code: protoProperty("inputs", "(() => JSON.parse(G.__after || 'null'))"),
  },
  { name: "Object.prototype getter for pure", code: protoProperty("pure", "false") },
  { name: "Object.prototype getter for module", code: protoProperty("module", "undefined") },
  {
    name: "Object.prototype setters for t, id and value, from module load",
    code: ["t", "id", "value"].map((k) => protoProperty(k, "undefined")).join("\n"),
  },
  {
    name: "Object.prototype setters for t, id and value, from inside sgdStep",
    code: "",
    late: ["t", "id", "value"].map((k) => protoProperty(k, "undefined")).join("\n"),
  },
  {
    name: "an Object.prototype.value answers for a getter sgdStep put on its input",
    code: "G.__getterOnInput = true;",
    late: `R.define(Object.prototype, "value", { configurable: true, get(this: any) { return typeof this.get === "function" ? this.get.original : undefined; } });`,
  },
  {
    name: "Object.prototype get and set break property descriptors, from module load",
    code: `Object.defineProperty(Object.prototype, "get", { configurable: true, get() { forgeAll(); return undefined; } });
Object.defineProperty(Object.prototype, "set", { configurable: true, get() { forgeAll(); return undefined; } });`,
  },
  {
    name: "Object.prototype get and set break property descriptors, from inside sgdStep",
    code: "",
    late: `R.define(Object.prototype, "get", { configurable: true, get() { forgeAll(); return undefined; } });
R.define(Object.prototype, "set", { __proto__: null, configurable: true, get() { forgeAll(); return undefined; } } as PropertyDescriptor);`,
  },
  {
    name: "Object.prototype errno and error getters make writes look failed",
    code: `Object.defineProperty(Object.prototype, "errno", { configurable: true, get() { forgeAll(); return -11; } });
Object.defineProperty(Object.prototype, "code", { configurable: true, get() { return "EAGAIN"; } });`,
  },
  {
    name: "Object.prototype error getter throws from every write",
    code: `Object.defineProperty(Object.prototype, "error", { configurable: true, get() { forgeAll(); return undefined; } });`,
  },
];

const arrayHooks: ChannelAttack[] = [
  ...[
    "map",
    "forEach",
    "push",
    "slice",
    "concat",
    "indexOf",
    "includes",
    "reduce",
    "fill",
    "splice",
    "every",
    "some",
  ].map((fn) => ({
    name: `Array.prototype.${fn} forges`,
    code: method("Array.prototype", fn, "forgeAll(this, ...args)"),
  })),
  ...["isArray", "from", "of"].map((fn) => ({
    name: `Array.${fn} forges`,
    code: method("Array", fn, "forgeAll(...args)"),
  })),
  {
    name: "Array.prototype[Symbol.iterator] forges",
    code: `{
  const orig = Array.prototype[Symbol.iterator];
  R.define(Array.prototype, Symbol.iterator, { configurable: true, writable: true, value: function (this: any) { forgeAll(this); return R.apply(orig, this, []); } });
}`,
  },
  {
    name: "the array iterator's next forges",
    code: `{
  const proto: any = Object.getPrototypeOf([][Symbol.iterator]());
  const orig = proto.next;
  proto.next = function (this: any) { forgeAll(); return R.apply(orig, this, []); };
}`,
  },
  {
    name: "a length getter on Array.prototype and a setter for 0",
    code: `Object.defineProperty(Array.prototype, "0", { configurable: true, get() { forgeAll(); return undefined; }, set(v: any) { forgeAll(v); } });`,
  },
  { name: "Float64Array is replaced", code: global("Float64Array") },
  { name: "Uint8Array is replaced", code: global("Uint8Array") },
  { name: "Int32Array and SharedArrayBuffer are replaced", code: global("Int32Array") + global("SharedArrayBuffer") },
  { name: "ArrayBuffer.isView forges", code: method("ArrayBuffer", "isView", "forgeAll(...args)") },
  {
    name: "DataView gets a Symbol.hasInstance",
    code: `Object.defineProperty(DataView, Symbol.hasInstance, { value: (v: any) => { forgeAll(v); return false; } });`,
  },
  {
    name: "Error gets a Symbol.hasInstance",
    code: `Object.defineProperty(Error, Symbol.hasInstance, { value: (v: any) => { forgeAll(v); return true; } });`,
  },
];

const functionHooks: ChannelAttack[] = [
  { name: "Function.prototype.call forges", code: method("Function.prototype", "call", "forgeAll(...args)") },
  { name: "Function.prototype.apply forges", code: method("Function.prototype", "apply", "forgeAll(...args)") },
  { name: "Function.prototype.bind forges", code: method("Function.prototype", "bind", "forgeAll(...args)") },
  {
    name: "Function.prototype[Symbol.hasInstance] is shadowed on Object",
    code: `Object.defineProperty(Object, Symbol.hasInstance, { value: (v: any) => { forgeAll(v); return true; } });`,
  },
  ...["exp", "tanh", "max", "log", "sin"].map((fn) => ({
    name: `Math.${fn} forges`,
    code: method("Math", fn, "forgeAll()"),
  })),
  {
    name: "the global Math is replaced",
    code: `(globalThis as any).Math = new Proxy(Math, { get(t: any, k: any) { forgeAll(); return t[k]; } });`,
  },
  { name: "RegExp.prototype.exec forges", code: method("RegExp.prototype", "exec", "forgeAll()") },
  { name: "the global Proxy and Symbol are replaced", code: global("Proxy") + global("Symbol") },
];

/** Answers whose reading does the work: counted when the harness reads the count before the answer. */
const lazyAnswers: ChannelAttack[] = [
  {
    name: "deltas answers with a Proxy whose reads call gPrime",
    code: `G.__lazy = (result: any, extra: () => void) => new Proxy(result, { get(t: any, k: any) { extra(); return t[k]; } });`,
  },
  {
    name: "deltas answers with getters on its array that call gPrime",
    code: `G.__lazy = (result: any, extra: () => void) => { const out: any[] = []; result.forEach((v: any, i: number) => Object.defineProperty(out, i, { enumerable: true, get() { extra(); return v; } })); return out; };`,
  },
  {
    name: "deltas answers with a then getter that calls gPrime",
    code: `G.__lazy = (result: any, extra: () => void) => { Object.defineProperty(result, "then", { get() { extra(); return undefined; } }); return result; };`,
  },
  {
    name: "deltas answers with getters on its rows that call gPrime",
    code: `G.__lazy = (result: any, extra: () => void) => result.map((row: any) => { const out: any[] = []; row.forEach((v: any, i: number) => Object.defineProperty(out, i, { enumerable: true, get() { extra(); return v; } })); return out; });`,
  },
  {
    name: "sgdStep restores its inputs from a getter in its answer",
    code: `G.__lazyStep = (result: any) => new Proxy(result, { get(t: any, k: any) { forgeAll(); return t[k]; } });`,
  },
];

export const CHANNEL_ATTACKS: ChannelAttack[] = [
  ...lineHooks,
  ...numberHooks,
  ...objectHooks,
  ...arrayHooks,
  ...functionHooks,
  ...lazyAnswers,
];

/** Runs an attack's code once per sandbox, in whichever module loads first. */
export function installer(attack: Pick<ChannelAttack, "code" | "late">): string {
  const late = attack.late ? `G.__late = () => {\n${attack.late}\n};` : "";
  return `if (!(globalThis as any).__attack) {\n(globalThis as any).__attack = true;\n${FORGE}\n${attack.code}\n${late}\n}\n`;
}

/** deltas as WRONG_BASE has it: the reference's answer, 200 extra gPrime calls per layer, every call counted. */
export const WRONG_DELTAS = `
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const G: any = globalThis;
  G.__calls = 0;
  const counted = layers.map((l) => {
    const inner = l.activation.gPrime;
    return { ...l, activation: { ...l.activation, gPrime: (z: number) => { G.__calls++; return inner(z); } } };
  });
  const result = deltasReference(counted, cache, dEdYhat);
  const extra = () => { for (const l of counted) for (let k = 0; k < 200; k++) l.activation.gPrime(0); };
  if (G.__lazy) return G.__lazy(result, extra);
  extra();
  return result;
}
`;

/** sgdStep as WRONG_BASE has it: the reference's answer, then a scribble into each given layer's b. */
export const WRONG_SGD_STEP = `
export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const G: any = globalThis;
  G.__after = JSON.stringify([layers.map((l) => ({ W: l.W, b: l.b, activation: l.activation.name })), grads, eta]);
  G.__args = [layers, grads];
  const result = sgdStepReference(layers, grads, eta);
  layers.forEach((l, i) => {
    G.__orig.set(${SCRIBBLE} * (i + 1), l.b[0]);
    if (G.__getterOnInput) {
      const get: any = () => ${SCRIBBLE} * (i + 1);
      get.original = l.b[0];
      Object.defineProperty(l.b, 0, { __proto__: null, enumerable: true, configurable: true, get } as PropertyDescriptor);
    } else l.b[0] = ${SCRIBBLE} * (i + 1);
  });
  if (G.__late) {
    const late = G.__late;
    G.__late = undefined;
    late();
  }
  return G.__lazyStep ? G.__lazyStep(result) : result;
}
`;
