// The site's page: a terminal (xterm.js, its default DOM renderer, so what it shows is text in the
// DOM) joined to the container through xterm-pty, booting either kind of c2w output:
// - js (`c2w --to-js`): the emscripten module, started in the order c2w's own page does it
//   (https://github.com/container2wasm/container2wasm/blob/main/examples/emscripten-simple/htdocs/index.html):
//   load.js (file_packager: preloads the .data), arg-module.js (QEMU's command line), Module.pty (the
//   pty's slave), a preRun that writes /pack/info (the guest's init waits for it), a preRun that makes
//   the TTY's poll ask the pty, then the default export of out.js; `mainScriptUrlOrBlob` is out.js
//   for the pthread workers.
// - wasi: the module in a worker under @bjorn3/browser_wasi_shim, stdin and stdout carried between the
//   worker and the pty (wasi-worker.ts), as c2w's wasi-browser example does
//   (https://github.com/container2wasm/container2wasm/tree/main/examples/wasi-browser/htdocs).
// Both need SharedArrayBuffer, so a cross-origin-isolated page: the server's COOP/COEP headers, or
// coi-serviceworker (loaded by index.html) where the host sets none.
// The output's large files (the module; js: also the .data package) come through the loader
// (loader.ts and its workers, unpack-worker.ts: parallel gzip chunks, checked, kept in this browser's
// storage for the next visit), with
// the bytes, the percentage and the time left on the status line while they load.
import '@xterm/xterm/css/xterm.css';
import './page.css';
import { Terminal } from '@xterm/xterm';
import { openpty } from 'xterm-pty';
import { packInfo, writePackInfo } from '../../c2w/boot-info.js';
import {
  BOOT_PARAM,
  decodeBoot,
  TRANSCRIPT_MAX,
  type BootApi,
  type BootEnd,
  type PackedFile,
  type SiteConfig,
} from '../contract.js';
import { compilePacked, Loader, mark } from './loader.js';
import { loadStatus } from './status.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

declare global {
  interface Window {
    c2wBoot: BootApi;
    Module?: EmscriptenModule;
  }
}

interface EmscriptenModule {
  preRun: ((mod: EmscriptenModule) => void)[];
  arguments?: string[];
  pty?: unknown;
  mainScriptUrlOrBlob?: string;
  locateFile?: (path: string, prefix: string) => string;
  getPreloadedPackage?: (name: string, size: number) => ArrayBuffer | null;
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
  onAbort?: (what: unknown) => void;
  FS: { mkdir(path: string): void; writeFile(path: string, data: string): void };
  TTY: { stream_ops: { poll?: (stream: unknown, timeout: number, cb?: PollCallback | null) => number } };
}
interface PollCallback {
  (flags: number): void;
  registerCleanupFunc?: (f: () => void) => void;
}

const statusEl = document.getElementById('c2w-status')!;
const status = (text: string, error = false): void => {
  statusEl.textContent = text;
  statusEl.classList.toggle('error', error);
};

const term = new Terminal({ convertEol: false, scrollback: 5000 });
term.open(document.getElementById('terminal')!);
const { master, slave } = openpty();
term.loadAddon(master);

// What the guest writes goes through the slave; a copy is kept for take(), bounded.
let pending: Uint8Array[] = [];
let pendingBytes = 0;
let dropped = 0;
const decoder = new TextDecoder();
const writeToTerminal = slave.write.bind(slave);
const record = (bytes: number[] | Uint8Array | string): void => {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes);
  if (boot.outputBytes === 0 && b.length > 0) mark('first-output');
  boot.outputBytes += b.length;
  if (pendingBytes + b.length > TRANSCRIPT_MAX) {
    dropped += b.length;
    return;
  }
  pending.push(b);
  pendingBytes += b.length;
};
slave.write = (arg: string | number[]) => {
  record(arg);
  writeToTerminal(arg);
};

/**
 * The text of rows [from, to), wrapped rows joined. Empty rows at the end are left out, but never
 * the cursor's row (`keep`, an absolute row) or one before it: the text then ends with the line
 * still being written, so a reader can tell a finished line (followed by a newline) from one that
 * is not.
 */
const lines = (from: number, to: number, keep = -1): string => {
  const buf = term.buffer.active;
  const out: { text: string; row: number }[] = [];
  for (let i = from; i < to; i++) {
    const line = buf.getLine(i);
    if (!line) continue;
    const s = line.translateToString(true);
    if (line.isWrapped && out.length > 0) out[out.length - 1]!.text += s;
    else out.push({ text: s, row: i });
  }
  while (out.length > 0 && out[out.length - 1]!.text === '' && out[out.length - 1]!.row > keep) out.pop();
  return out.map((l) => l.text).join('\n');
};

const boot: BootApi = {
  phase: 'loading',
  crossOriginIsolated: self.crossOriginIsolated,
  outputBytes: 0,
  take() {
    const text = pending.map((b) => decoder.decode(b, { stream: true })).join('');
    const d = dropped;
    pending = [];
    pendingBytes = 0;
    dropped = 0;
    return { text, dropped: d };
  },
  text: () => lines(0, term.buffer.active.length, term.buffer.active.baseY + term.buffer.active.cursorY),
  screen: () => lines(term.buffer.active.viewportY, term.buffer.active.viewportY + term.rows),
};
window.c2wBoot = boot;

const end = (e: BootEnd): void => {
  if (boot.phase === 'ended') return;
  boot.phase = 'ended';
  boot.end = e;
  if ('error' in e) {
    status(e.error, true);
    console.error(`c2w page: ${e.error}`);
  } else if ('trap' in e) {
    status(`the container stopped: ${e.trap}`, true);
    console.error(`c2w page: the container stopped: ${e.trap}`);
  } else status(`the container exited (${e.code})`);
};

/**
 * Runs `then` once the terminal has parsed what the guest wrote before it ended: xterm's `write` is
 * asynchronous, and its callback fires when that data (and all written before it) is processed
 * (https://xtermjs.org/docs/api/terminal/classes/terminal/#write). So the end is never published
 * while the guest's last line is still on its way to the screen. At most a second's wait.
 */
const afterOutput = (then: () => void): void => {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    then();
  };
  term.write('', once);
  setTimeout(once, 1000);
};

/** Loads a classic script (file_packager's load.js, arg-module.js fill the global Module). */
const script = (src: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = src;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(el);
  });

let shown = 0;
/** The loader for a site's packed files, showing its progress (at most every 100 ms, and at the end). */
function loader(config: SiteConfig, base: URL, names: string[]): Loader {
  const files = names.map((n) => config.packed![n]!);
  return new Loader(
    new URL(config.container, base),
    files,
    (s, l) => {
      boot.load = { ...s };
      const now = performance.now();
      if (now - shown < 100 && s.done < s.total) return;
      shown = now;
      if (boot.phase === 'loading') status(loadStatus(s, l.secondsLeft()));
      else if (s.storageNote && !statusEl.textContent?.includes(s.storageNote)) {
        // Kept after the boot began: a refusal then is told beside the running container's status.
        status(`${statusEl.textContent} (${s.storageNote}: it comes from the network each visit)`);
      }
    },
    new URL('unpack-worker.js', import.meta.url),
  );
}

/** A packed file of the site, or an error naming it. */
const packedFile = (config: SiteConfig, name: string): PackedFile => {
  const f = config.packed?.[name];
  if (!f) throw new Error(`c2w/site.json lists no packed file ${name}: the site was not written by this version`);
  return f;
};

/** Shows "booting…" once nothing is left to load, keeping the storage note; what was loaded is kept from now on. */
const booting = (load: Loader): void => {
  mark('booting');
  load.startKeeping();
  const note = boot.load?.storageNote;
  status(note ? `booting… (${note}: it comes from the network each visit)` : 'booting…');
};

const POLLIN = 1;
const POLLOUT = 4;

async function bootJs(config: SiteConfig, base: URL): Promise<void> {
  const dir = new URL(config.container, base);
  const Module = { preRun: [] } as unknown as EmscriptenModule;
  Module.locateFile = (p) => new URL(p, dir).href;
  // The module compiles as it streams in while the .data package loads beside it; emscripten takes
  // the compiled module through Module.instantiateWasm (it sends the same module to its pthread
  // workers) and the package through Module.getPreloadedPackage, which file_packager's load.js asks
  // before fetching (https://github.com/emscripten-core/emscripten/blob/main/tools/file_packager.py).
  const names = Object.keys(config.packed ?? {});
  const wasmName = names.find((n) => n.endsWith('.wasm'));
  const dataNames = names.filter((n) => n.endsWith('.data'));
  const load = loader(config, base, [...(wasmName ? [wasmName] : []), ...dataNames]);
  // The small scripts the boot needs after the load, asked for now (the host lets the browser keep
  // them: GitHub Pages sends max-age=600), so the boot does not wait for them after the last chunk.
  for (const s of ['load.js', 'arg-module.js', 'out.js']) void fetch(new URL(s, dir)).catch(() => undefined);
  const compiled = wasmName ? compilePacked(load, packedFile(config, wasmName), wasmName) : undefined;
  compiled?.catch(() => undefined);
  const data = new Map<string, ArrayBuffer>(
    await Promise.all(dataNames.map(async (n) => [n, await load.whole(packedFile(config, n), n)] as const)),
  );
  if (compiled) await compiled;
  booting(load);
  Module.getPreloadedPackage = (name) => {
    const key = decodeURIComponent(new URL(name, dir).pathname.split('/').pop() ?? '');
    const buf = data.get(key) ?? null;
    data.delete(key);
    return buf;
  };
  if (compiled) {
    Module.instantiateWasm = (imports, receive) => {
      compiled
        .then(async (module) => receive(await WebAssembly.instantiate(module, imports), module))
        .catch((e: unknown) =>
          end({ error: `the module did not instantiate: ${e instanceof Error ? e.message : String(e)}` }),
        );
      return {};
    };
  }
  Module.onAbort = (what) => end({ trap: `Aborted(${String(what)})` });
  window.Module = Module;
  await script(new URL('load.js', dir).href);
  await script(new URL('arg-module.js', dir).href);
  Module.pty = slave;
  Module.mainScriptUrlOrBlob = new URL('out.js', dir).href;
  Module.preRun.push(writePackInfo(packInfo(config.command, config.env, Date.now() / 1000)));
  Module.preRun.push((mod) => {
    let callbacks: PollCallback[] = [];
    slave.onReadable(() => {
      const ready = callbacks;
      callbacks = [];
      for (const cb of ready) cb(POLLIN | POLLOUT);
    });
    mod.TTY.stream_ops.poll = (_stream, _timeout, cb) => {
      if (slave.readable) return POLLIN | POLLOUT;
      if (cb) {
        cb.registerCleanupFunc?.(() => {
          callbacks = callbacks.filter((c) => c !== cb);
        });
        callbacks.push(cb);
      }
      return POLLOUT;
    };
  });
  const { default: init } = (await import(/* @vite-ignore */ Module.mainScriptUrlOrBlob)) as {
    default: (m: EmscriptenModule) => Promise<unknown>;
  };
  boot.phase = 'running';
  status('running');
  await init(Module);
}

/** Bytes of stdin the page hands the worker at a time (the shared buffer's data part). */
const STDIN_BYTES = 64 * 1024;

async function bootWasi(config: SiteConfig, base: URL): Promise<void> {
  // The guest's own tty does the line editing and echo: the pty passes keys through raw, as c2w's
  // page sets it; output processing stays on, so a bare \n still starts a new line.
  const t = slave.ioctl('TCGETS');
  const ISTRIP = 0x20,
    INLCR = 0x40,
    IGNCR = 0x80,
    ICRNL = 0x100,
    IXON = 0x400;
  const ISIG = 0x1,
    ICANON = 0x2,
    ECHO = 0x8,
    ECHONL = 0x40,
    IEXTEN = 0x8000;
  slave.ioctl('TCSETS', {
    iflag: t.iflag & ~(ISTRIP | INLCR | IGNCR | ICRNL | IXON),
    oflag: t.oflag,
    cflag: t.cflag,
    lflag: t.lflag & ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN),
    cc: t.cc,
  });
  const stdin = new SharedArrayBuffer(8 + STDIN_BYTES);
  const ctrl = new Int32Array(stdin, 0, 1);
  const data = new Uint8Array(stdin, 8);
  let queued: number[] = [];
  const feed = (): void => {
    if (queued.length === 0 || Atomics.load(ctrl, 0) !== 0) return;
    const n = Math.min(queued.length, STDIN_BYTES);
    data.set(queued.slice(0, n));
    queued = queued.slice(n);
    Atomics.store(ctrl, 0, n);
    Atomics.notify(ctrl, 0);
  };
  slave.onReadable(() => {
    queued.push(...slave.read());
    feed();
  });
  const name = config.wasm ?? 'out.wasm';
  // Started now: its script loads and parses while the module does.
  const worker = new Worker(new URL('wasi-worker.js', import.meta.url));
  worker.onmessage = (ev: MessageEvent<FromWorker>) => {
    const m = ev.data;
    if (m.type === 'out') slave.write(Array.from(m.bytes));
    else if (m.type === 'stdin-taken') feed();
    else if (m.type === 'running') {
      boot.phase = 'running';
      status('running');
    } else if (m.type === 'exit') afterOutput(() => end({ code: m.code }));
    else if (m.type === 'trap') afterOutput(() => end({ trap: m.message }));
    else if (m.type === 'error') afterOutput(() => end({ error: m.message }));
  };
  worker.onerror = (ev) => end({ error: `the worker failed: ${ev.message}` });
  const load = loader(config, base, [name]);
  const module = await compilePacked(load, packedFile(config, name), name);
  booting(load);
  const msg: ToWorker = {
    type: 'start',
    module,
    args: [name, ...config.command],
    env: config.env.map(({ key, value }) => `${key}=${value}`),
    stdin,
  };
  worker.postMessage(msg);
}

/** How long the page waits for coi-serviceworker's reload before it gives up. */
const ISOLATION_WAIT_MS = 20_000;
const NOT_ISOLATED =
  'the page never became cross-origin isolated (no COOP/COEP headers from the host, and coi-serviceworker ' +
  'did not take over): the container needs SharedArrayBuffer and cannot start';

async function main(): Promise<void> {
  mark('page');
  const base = new URL('./', location.href);
  if (!self.crossOriginIsolated) {
    // coi-serviceworker registers itself and reloads the page; nothing to do until then.
    boot.phase = 'isolating';
    status(
      'navigator' in self && navigator.serviceWorker
        ? 'enabling cross-origin isolation (the page reloads once)…'
        : 'this browser cannot isolate the page (no service worker): the container needs SharedArrayBuffer',
      !navigator.serviceWorker,
    );
    // The service worker reloads the page within a second or two; a page still here long after has
    // no way to isolate itself, and says so rather than wait for ever.
    setTimeout(() => end({ error: NOT_ISOLATED }), ISOLATION_WAIT_MS);
    return;
  }
  // Revalidated on every visit (hosts let browsers keep it for minutes: GitHub Pages sends max-age=600),
  // so a new deploy's chunk list is read at once.
  const resp = await fetch(new URL('c2w/site.json', base), { cache: 'no-cache' });
  if (!resp.ok) throw new Error(`the host answered ${resp.status} for c2w/site.json: this folder is not a whole site`);
  const config = (await resp.json()) as SiteConfig;
  mark('manifest');
  const param = new URLSearchParams(location.search).get(BOOT_PARAM);
  if (param) {
    const o = decodeBoot(param);
    if (o.command) config.command = o.command;
    if (o.env) config.env = o.env;
  }
  document.title = config.title;
  document.getElementById('c2w-title')!.textContent = config.title;
  status('loading the container…');
  term.focus();
  if (config.target === 'js') await bootJs(config, base);
  else await bootWasi(config, base);
}

main().catch((e: unknown) => end({ error: e instanceof Error ? e.message : String(e) }));
