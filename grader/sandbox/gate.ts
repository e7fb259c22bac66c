/**
 * Internal. Lets at most `size` sandboxes run at once. A batch keeps a few
 * more submissions in flight than that, so reading, compiling, checking and
 * writing reports on the trusted side overlap with the sandboxes instead of
 * leaving a core idle between them.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
