// puppeteer's side of Chromium's `--remote-debugging-pipe`: JSON messages, each ended by a NUL byte,
// written to the browser's fd 3 and read from its fd 4 (chromium's devtools_pipe_handler.cc). A
// ConnectionTransport as `puppeteer.connect({ transport })` takes one.
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.read(chunk));
    fromBrowser.on('close', () => this.close());
    fromBrowser.on('error', () => this.close());
    toBrowser.on('error', () => this.close());
  }

  send(message: string): void {
    if (this.closed) return;
    this.toBrowser.write(message);
    this.toBrowser.write('\0');
  }

  private read(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      start = end + 1;
      // puppeteer expects messages on a later tick, as its own transports deliver them.
      setImmediate(() => this.onmessage?.(message));
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.toBrowser.end();
    setImmediate(() => this.onclose?.());
  }
}
