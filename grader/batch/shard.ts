/**
 * `npm run grade -- <inputs> --shard i/N`: the share of a class one machine
 * grades. The rule: sort the submissions by id (code-unit order, so every
 * machine agrees whatever its locale), number them from 0, and shard i takes
 * those whose number modulo N is i − 1. Every submission is in exactly one
 * shard, and neighbours in the order are spread over the shards.
 */
import { InvalidArgumentError } from "commander";

export interface Shard {
  /** 1-based. */
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || index < 1 || index > total) {
    throw new InvalidArgumentError("expected i/N with 1 ≤ i ≤ N, e.g. 2/4");
  }
  return { index, total };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The items of shard `shard`, in id order. */
export function selectShard<T extends { id: string }>(items: readonly T[], shard: Shard): T[] {
  return [...items].sort(byId).filter((_, k) => k % shard.total === shard.index - 1);
}
