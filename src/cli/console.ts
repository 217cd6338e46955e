// What a person at a terminal sees: the command's Log (lib/log.ts). The stages write through it
// and it shows them humanly: a stage module's group is a line under the command's own stage
// heading, a warning a `warning:` line, debug and command echoes only with --verbose, and a child's
// output the action does not control (the build log) one live line with the BuildKit step (on a
// terminal; one line per step otherwise). `--verbose` shows the raw log instead.
import { BuildProgress, progressLine } from '../buildx/progress.js';
import type { Log } from '../lib/log.js';
import { redact } from '../lib/redact.js';

export interface ConsoleOptions {
  /** Where progress goes: stdout, or stderr when stdout carries --json. */
  stream: NodeJS.WriteStream;
  verbose: boolean;
  /** Redraw one line in place (the stream is a terminal). */
  live: boolean;
}

type Write = (text: string) => void;

export class Console implements Log {
  private readonly write: Write;
  private liveText: string | undefined;
  private lastPlain: string | undefined;
  private region: { progress: BuildProgress; timer?: NodeJS.Timeout } | undefined;
  private pending = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly options: ConsoleOptions) {
    const stream = options.stream;
    const original = stream.write.bind(stream) as (s: string) => boolean;
    // The command has no runner to mask its log: the secrets it holds are removed here (lib/redact.ts).
    this.write = (text) => void original(redact(text));
  }

  release(): void {
    this.flushOutput();
    this.endRegion();
  }

  stage(title: string): void {
    this.print(`==> ${title}`);
  }

  info(text: string): void {
    for (const l of text.split('\n')) this.print(`    ${l}`);
  }

  warning(text: string): void {
    for (const l of text.split('\n')) this.print(`warning: ${l}`);
  }

  error(text: string): void {
    for (const l of text.split('\n')) this.print(`error: ${l}`);
  }

  notice(text: string): void {
    this.info(`note: ${text}`);
  }

  debug(text: string): void {
    if (this.options.verbose) this.info(`debug: ${text}`);
  }

  /** The command announces its own stages; a stage module's group (the c2w command line) is a line under it. */
  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.info(title);
    return work();
  }

  command(line: string): void {
    if (this.options.verbose) this.info(`$ ${line}`);
  }

  output(chunk: string | Uint8Array): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl).replace(/\r$/, '');
      this.pending = this.pending.slice(nl + 1);
      this.outputLine(line);
    }
  }

  async untrusted<T>(work: () => Promise<T>): Promise<T> {
    this.region = { progress: new BuildProgress() };
    if (!this.options.verbose && this.options.live) {
      this.region.timer = setInterval(() => this.showProgress(), 1000);
      this.region.timer.unref();
    }
    try {
      return await work();
    } finally {
      this.flushOutput();
      this.endRegion();
    }
  }

  /** A line of the stream as it is (the summary). */
  print(line: string): void {
    this.clearLive();
    this.write(`${line}\n`);
    this.drawLive();
  }

  /** Output of a child shown as it is (--verbose). */
  passthrough(chunk: string): void {
    this.clearLive();
    this.write(chunk);
    this.drawLive();
  }

  private flushOutput(): void {
    if (this.pending) this.output('\n');
  }

  private outputLine(line: string): void {
    if (this.region) {
      if (this.options.verbose) this.print(line);
      else if (this.region.progress.feed(line, Date.now())) this.showProgress();
      return;
    }
    if (line.trim() !== '') this.info(line);
  }

  private showProgress(): void {
    if (!this.region) return;
    const view = this.region.progress.view();
    if (this.options.live) {
      const width = (this.options.stream.columns || 100) - 5;
      this.liveText = `    ${progressLine(view, Date.now(), width)}`;
      this.drawLive();
      return;
    }
    // Not a terminal: one line when another Dockerfile step starts.
    const current = view.current;
    if (current?.index === undefined || view.total === 0) return;
    const text = `step ${view.started} of ${view.total} · ${current.name.replace(/\s+/g, ' ')}`;
    const cut = text.length > 160 ? `${text.slice(0, 159)}…` : text;
    if (cut !== this.lastPlain) {
      this.lastPlain = cut;
      this.info(cut);
    }
  }

  private endRegion(): void {
    if (!this.region) return;
    clearInterval(this.region.timer);
    this.region = undefined;
    this.clearLive();
    this.liveText = undefined;
  }

  private clearLive(): void {
    if (this.liveText !== undefined && this.options.live) this.write('\r\x1b[2K');
  }

  private drawLive(): void {
    if (this.liveText !== undefined && this.options.live) this.write(`\r\x1b[2K${this.liveText}`);
  }
}
