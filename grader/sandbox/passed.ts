/**
 * Internal. Layers handed to an exercise, and read back afterwards as the case's
 * own data, so that a purity check sees what the function did to the objects it
 * was given, not only to the case's arrays.
 *
 * The exercises get layer objects the kit builds around the case's W and b.
 * `layer.W = newW`, `layers[i] = {...}` or `layers.push(...)` leave the case's
 * arrays alone and change only those objects: a common mistake in sgdStep, whose
 * contract is to leave its layers unchanged. Every part the call replaced reads
 * back as CHANGED; the rest reads back as the case's own arrays, whose contents the
 * snapshot then compares.
 *
 * Runs after student code: captured built-ins and plain syntax only (see intrinsics.ts).
 */
import type { Activation, ActivationName, Layer, Matrix, Vector } from "../../exercises/types.ts";
import { activation } from "./activations.ts";
import {
  arrayOf,
  create,
  getPrototypeOf,
  isArray,
  isProxy,
  ObjectPrototype,
  ownKeys,
  ownValue,
  put,
} from "./intrinsics.ts";
import { CHANGED } from "./wire.ts";

export interface LayerJson {
  W: Matrix;
  b: Vector;
  activation: ActivationName;
}

export interface PassedLayers {
  /** What the exercise gets. */
  layers: Layer[];
  /** The case's layers as they read now, in the case's own form. */
  readBack: () => unknown[];
}

/** Layers as the exercises see them: the W and b arrays are the case's own, so mutations show. */
export function buildLayers(json: LayerJson[]): Layer[] {
  return passLayers(json).layers;
}

export function passLayers(json: LayerJson[]): PassedLayers {
  // The kit's own references, out of student code's reach, to tell later what was replaced.
  const built: Layer[] = arrayOf(json.length, (i) => ({
    W: json[i].W,
    b: json[i].b,
    activation: activation(json[i].activation),
  }));
  const activations: Activation[] = arrayOf(json.length, (i) => built[i].activation);
  const layers = arrayOf(json.length, (i) => built[i]);
  const readBack = () => {
    if (isProxy(layers) || !isArray(layers) || layers.length !== json.length || ownKeys(layers).length !== json.length)
      return [CHANGED];
    return arrayOf(json.length, (i) =>
      ownValue(layers, i, undefined) === built[i] ? layerAsCase(built[i], json[i], activations[i]) : CHANGED,
    );
  };
  return { layers, readBack };
}

/** One layer object read back: its W and b must still be the case's arrays, its activation the kit's. */
function layerAsCase(layer: Layer, json: LayerJson, kit: Activation): unknown {
  if (ownKeys(layer).length !== 3 || getPrototypeOf(layer) !== ObjectPrototype) return CHANGED;
  const out = create(null) as Record<string, unknown>;
  put(out, "W", ownValue(layer, "W", CHANGED) === json.W ? json.W : CHANGED);
  put(out, "b", ownValue(layer, "b", CHANGED) === json.b ? json.b : CHANGED);
  put(
    out,
    "activation",
    ownValue(layer, "activation", CHANGED) === kit && unchanged(kit, json.activation) ? json.activation : CHANGED,
  );
  return out;
}

/** The kit's activation object, with its own name and functions still in place. */
function unchanged(kit: Activation, name: ActivationName): boolean {
  const fresh = activation(name);
  return (
    ownKeys(kit).length === 3 &&
    ownValue(kit, "name", undefined) === fresh.name &&
    ownValue(kit, "g", undefined) === fresh.g &&
    ownValue(kit, "gPrime", undefined) === fresh.gPrime
  );
}
