// What a person at a terminal sees. The stage modules print for the Actions runner (workflow
// commands through @actions/core, the raw build log through exec.ts); `Console.capture()` takes over
// process.stdout and shows that humanly: a group is a line under the command's own stage heading,
// a warning a `warning:` line,
// debug and runner-only commands are dropped, and the build log between ::stop-commands:: and its
// token becomes one live line with the BuildKit step (on a terminal; one line per step otherwise).
// `--verbose` shows the raw log instead.
import { BuildProgress, progressLine } from '../buildx/progress.js';
import { redact } from '../lib/redact.js';
import { readLine } from './workflow-commands.js';

export interface ConsoleOptions {
  /** Where progress goes: stdout, or stderr when stdout carries --json. */
  stream: NodeJS.WriteStream;
  verbose: boolean;
  /** Redraw one line in place (the stream is a terminal). */
  live: boolean;
}

type Write = (text: string) => void;

export class Console {
  private readonly write: Write;
  private liveText: string | undefined;
  private lastPlain: string | undefined;
  private region: { token: string; progress: BuildProgress; timer?: NodeJS.Timeout } | undefined;
  private pending = '';
  private restoreStdout: (() => void) | undefined;

  constructor(private readonly options: ConsoleOptions) {
    const stream = options.stream;
    const original = stream.write.bind(stream) as (s: string) => boolean;
    // The command has no runner to mask its log: the secrets it holds are removed here (lib/redact.ts).
    this.write = (text) => void original(redact(text));
  }

  /** Routes process.stdout through this console until `release()`. */
  capture(): void {
    const stdout = process.stdout;
    const original = stdout.write;
    const feed = (chunk: string): void => this.feed(chunk);
    // process.stdout.write(chunk, [encoding], [callback])
    stdout.write = ((chunk: string | Uint8Array, ...args: unknown[]): boolean => {
      feed(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }) as typeof stdout.write;
    this.restoreStdout = () => {
      stdout.write = original;
    };
  }

  release(): void {
    if (this.pending) this.feed('\n');
    this.endRaw();
    this.restoreStdout?.();
    this.restoreStdout = undefined;
  }

  stage(title: string): void {
    this.print(`==> ${title}`);
  }

  info(text: string): void {
    for (const l of text.split('\n')) this.print(`    ${l}`);
  }

  warn(text: string): void {
    for (const l of text.split('\n')) this.print(`warning: ${l}`);
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

  /** What the stage modules write to stdout. */
  private feed(chunk: string): void {
    this.pending += chunk;
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl).replace(/\r$/, '');
      this.pending = this.pending.slice(nl + 1);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (this.region) {
      if (line === `::${this.region.token}::`) {
        this.endRaw();
        return;
      }
      if (this.options.verbose) this.print(line);
      else if (this.region.progress.feed(line, Date.now())) this.showProgress();
      return;
    }
    const read = readLine(line);
    switch (read.kind) {
      case 'group':
        // The command announces its own stages; a stage module's group (the c2w command line) is a line under it.
        this.info(read.title);
        return;
      case 'stop-commands':
        this.region = { token: read.token, progress: new BuildProgress() };
        if (!this.options.verbose && this.options.live) {
          this.region.timer = setInterval(() => this.showProgress(), 1000);
          this.region.timer.unref();
        }
        return;
      case 'warning':
      case 'error':
        for (const l of read.text.split('\n')) this.print(`${read.kind}: ${l}`);
        return;
      case 'notice':
        this.info(`note: ${read.text}`);
        return;
      case 'debug':
        if (this.options.verbose) this.info(`debug: ${read.text}`);
        return;
      case 'command':
        if (this.options.verbose) this.info(`$ ${read.text}`);
        return;
      case 'text':
        if (read.text.trim() !== '') this.info(read.text);
        return;
      default:
        return;
    }
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

  private endRaw(): void {
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
