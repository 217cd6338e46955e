// The child side of the smoke boot (the parent is smoke.ts, the protocol smoke-protocol.ts). The
// bundle's entry calls smokeChildMain() when started with `--c2w-smoke-child`; the configuration is
// in C2W_SMOKE_CHILD_CONFIG.
//
// wasi: node:wasi preview1 with returnOnExit, argv as the parent built it, an environment made only
//       of smoke-env, the child's own stdio (pipes to the parent).
// js:   the boot sequence of c2w's example page
//       (https://github.com/container2wasm/container2wasm/tree/main/examples/emscripten-simple): load.js (preload data),
//       arg-module.js (QEMU's arguments), Module.pty (a headless xterm-pty slave), /pack/info and the
//       TTY poll hook in preRun, then the default export of out.js. It never ends on its own; the
//       parent ends the process.
// Reports go to fd 3, one JSON object a line. A wasm module cannot reach fd 3 (a WASI module sees
// only the fds of its WASI instance: 0, 1 and 2 here, no preopens). A js output's out.js is
// JavaScript in this process, so fd 3 is closed before any of its files runs: what goes wrong from
// then on shows on stderr and in the exit code.
import { closeSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { WASI } from 'node:wasi';
import { packInfo, writePackInfo } from '../c2w/boot-info.js';
import {
  SMOKE_CHILD_CONFIG_ENV,
  SMOKE_CHILD_CONFIG_FILE_ENV,
  SMOKE_CONTROL_FD,
  type SmokeChildConfig,
  type SmokeChildMessage,
} from './protocol.js';

/** The part of the WebAssembly global used here (the project's lib has no DOM types). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let controlOpen = true;

function report(msg: SmokeChildMessage): void {
  if (!controlOpen) return;
  try {
    writeSync(SMOKE_CONTROL_FD, `${JSON.stringify(msg)}\n`);
  } catch {
    // No control pipe (run by hand): the exit code still tells.
  }
}

/** No more reports: the guest's own code is about to run in this process. */
function closeControl(): void {
  if (!controlOpen) return;
  controlOpen = false;
  try {
    closeSync(SMOKE_CONTROL_FD);
  } catch {
    // not open (run by hand)
  }
}

const maxRssKiB = (): number => process.resourceUsage().maxRSS;

function readConfig(): SmokeChildConfig {
  const file = process.env[SMOKE_CHILD_CONFIG_FILE_ENV];
  const raw = file ? readFileSync(file, 'utf8') : process.env[SMOKE_CHILD_CONFIG_ENV];
  delete process.env[SMOKE_CHILD_CONFIG_ENV];
  delete process.env[SMOKE_CHILD_CONFIG_FILE_ENV];
  if (!raw) throw new Error(`${SMOKE_CHILD_CONFIG_ENV} is not set`);
  return JSON.parse(raw) as SmokeChildConfig;
}

export async function smokeChildMain(): Promise<void> {
  let config: SmokeChildConfig;
  try {
    config = readConfig();
  } catch (e) {
    report({ event: 'error', message: (e as Error).message });
    process.exitCode = 2;
    return;
  }
  report({ event: 'started' });
  try {
    if (config.target === 'wasi') await runWasi(config);
    else await runJs(config);
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    report({ event: 'error', message });
    process.stderr.write(`smoke child: ${e instanceof Error && e.stack ? e.stack : message}\n`);
    process.exitCode = 2;
  }
}

async function runWasi(config: SmokeChildConfig): Promise<void> {
  const env: Record<string, string> = {};
  for (const { key, value } of config.env) env[key] = value;
  const wasi = new WASI({ version: 'preview1', args: config.args, env, returnOnExit: true });
  const module = await wasm.compile(readFileSync(config.path));
  const instance = await wasm.instantiate(module, wasi.getImportObject());
  let code: number;
  try {
    code = wasi.start(instance);
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(`smoke child: the module trapped: ${message}\n`);
    report({ event: 'trap', message, maxRssKiB: maxRssKiB() });
    process.exitCode = 3;
    return;
  }
  report({ event: 'exit', code, maxRssKiB: maxRssKiB() });
  process.exitCode = code;
}

// ---------------------------------------------------------------------------------------------
// js

interface Disposable {
  dispose(): void;
}

/**
 * A headless xterm-pty slave, as emscripten-pty.js uses it: collects what the guest writes (to
 * our stdout) and never has input.
 */
export class HeadlessPty {
  private termios = { iflag: 0, oflag: 0, cflag: 0, lflag: 0, cc: new Array<number>(32).fill(0) };
  private readonly readableListeners = new Set<() => void>();
  private readonly signalListeners = new Set<(name: string) => void>();
  constructor(private readonly out: (bytes: Uint8Array) => void) {}
  get readable(): boolean {
    return false;
  }
  get writable(): boolean {
    return true;
  }
  read(_length?: number): number[] {
    return [];
  }
  write(bytes: number[] | Uint8Array): void {
    this.out(Uint8Array.from(bytes));
  }
  ioctl(request: string, arg?: unknown): unknown {
    switch (request) {
      case 'TCGETS':
        return { ...this.termios, cc: [...this.termios.cc] };
      case 'TCSETS':
        this.termios = { ...(arg as typeof this.termios) };
        return 0;
      case 'TIOCGWINSZ':
        return [80, 24];
      default:
        return 0;
    }
  }
  onReadable(cb: () => void): Disposable {
    this.readableListeners.add(cb);
    return { dispose: () => this.readableListeners.delete(cb) };
  }
  onSignal(cb: (name: string) => void): Disposable {
    this.signalListeners.add(cb);
    return { dispose: () => this.signalListeners.delete(cb) };
  }
}

interface EmscriptenModule {
  preRun: ((mod: EmscriptenModule) => void)[];
  arguments?: string[];
  pty?: HeadlessPty;
  locateFile?: (path: string, prefix: string) => string;
  FS: { mkdir(path: string): void; writeFile(path: string, data: string): void };
  TTY: { stream_ops: { poll?: (stream: unknown, timeout: number, callback?: PollCallback) => number } };
  [key: string]: unknown;
}

interface PollCallback {
  (flags: number): void;
  registerCleanupFunc?: (f: () => void) => void;
}

const POLLIN = 1;
const POLLOUT = 4;

async function runJs(config: SmokeChildConfig): Promise<void> {
  const dir = resolve(config.path);
  const pty = new HeadlessPty((bytes) => process.stdout.write(bytes));

  // 1.-2. load.js and arg-module.js are classic scripts that fill the global `Module`.
  const Module = { preRun: [] } as unknown as EmscriptenModule;
  Module.locateFile = (p) => join(dir, p);
  const g = globalThis as Record<string, unknown>;
  g.Module = Module;
  const files = ['load.js', 'arg-module.js'].map((script) => {
    const file = join(dir, script);
    return { file, code: readFileSync(file, 'utf8') };
  });
  closeControl();
  // file_packager's Node path uses require('fs').
  const hadRequire = 'require' in g;
  if (!hadRequire) g.require = createRequire(pathToFileURL(join(dir, 'load.js')).href);
  for (const { file, code } of files) runInThisContext(code, { filename: file });
  // 3. The terminal.
  Module.pty = pty;
  // 4. /pack/info, written before the guest's init reads it.
  Module.preRun.push(writePackInfo(packInfo(config.args, config.env, Date.now() / 1000)));
  // 5. Stdin polling asks the pty (as the page does).
  Module.preRun.push((mod) => {
    const callbacks = new Set<PollCallback>();
    pty.onReadable(() => {
      const ready = [...callbacks];
      callbacks.clear();
      for (const cb of ready) cb(POLLIN | POLLOUT);
    });
    mod.TTY.stream_ops.poll = (_stream, _timeout, callback) => {
      if (pty.readable) return POLLIN | POLLOUT;
      if (callback) {
        callback.registerCleanupFunc?.(() => callbacks.delete(callback));
        callbacks.add(callback);
      }
      return POLLOUT;
    };
  });
  // 6. The module factory.
  const { default: initEmscriptenModule } = (await import(
    /* webpackIgnore: true */ pathToFileURL(join(dir, 'out.js')).href
  )) as {
    default: (m: EmscriptenModule) => Promise<unknown>;
  };
  await initEmscriptenModule(Module);
  // The emulator runs on in its threads; the parent ends this process.
}
