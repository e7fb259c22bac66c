/**
 * Internal. What a helper process (a compile host, the type checker's host) writes on stderr, kept to tell why it
 * died: its head and its tail, each bounded. Either end may hold the cause: Go opens a fatal error with its reason
 * ("goroutine stack exceeds …") and follows it with a dump of every goroutine, while the kit's hosts close with a
 * last line of their own ("the compiler exited (signal SIGKILL)").
 */
export class KeptStderr {
  private head = "";
  private tail = "";

  constructor(private readonly half = 8192) {}

  push(chunk: Buffer): void {
    let text = chunk.toString("utf8");
    if (this.head.length < this.half) {
      const room = this.half - this.head.length;
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (text) this.tail = (this.tail + text).slice(-this.half);
  }

  /** Head and tail, apart on lines of their own so that no pattern matches across the gap. */
  text(): string {
    return this.tail ? `${this.head}\n…\n${this.tail}` : this.head;
  }
}
