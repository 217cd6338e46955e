// What the smoke boot keeps of the guest's output for the report, whatever its size.

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The first `bytes` bytes of `s` (a character cut in two at the end is dropped). */
function headBytes(s: string, bytes: number): string {
  return Buffer.from(s, 'utf8')
    .subarray(0, Math.max(0, bytes))
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/** Keeps the first `cap` bytes of a stream for the report, and a window of its end. */
export class CappedText {
  private head = '';
  private headBytes = 0;
  private tail = '';
  truncated = false;
  constructor(
    private readonly cap: number,
    private readonly window = 64 * 1024,
  ) {}
  push(chunk: string): void {
    if (!this.truncated) {
      const bytes = utf8(chunk);
      if (this.headBytes + bytes <= this.cap) {
        this.head += chunk;
        this.headBytes += bytes;
        return;
      }
      this.head += headBytes(chunk, this.cap - this.headBytes);
      this.headBytes = this.cap;
      this.truncated = true;
      this.tail = chunk.slice(-this.window);
      return;
    }
    this.tail += chunk;
    if (this.tail.length > 2 * this.window) this.tail = this.tail.slice(-this.window);
  }
  /** Everything kept, plus the recent end past the cap (for finding an allocator failure). */
  get searchable(): string {
    return this.truncated ? `${this.head}\n${this.tail}` : this.head;
  }
  get text(): string {
    return this.truncated ? `${this.head}\n[… output truncated at ${this.cap} bytes]` : this.head;
  }
}
