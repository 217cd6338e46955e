// The WASI worker of the site's page: runs the module the page compiled under @bjorn3/browser_wasi_shim,
// with the standard streams carried to and from the page's terminal (page.ts), as c2w's wasi-browser
// example does with its own worker
// (https://github.com/container2wasm/container2wasm/blob/main/examples/wasi-browser/htdocs/worker.js).
// The shim answers everything but fd_read/fd_write on 0-2 and poll_oneoff: its poll_oneoff takes one
// clock subscription only, and c2w's emulator polls stdin and a clock together. A blocking read or
// poll waits on the shared stdin buffer with Atomics.wait, which a worker may do.
import { ConsoleStdout, WASI, WASIProcExit } from '@bjorn3/browser_wasi_shim';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const post = (m: FromWorker, transfer: Transferable[] = []): void =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

// wasi_snapshot_preview1 (https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md):
const ERRNO_SUCCESS = 0;
const ERRNO_INVAL = 28;
const EVENTTYPE_CLOCK = 0;
const EVENTTYPE_FD_READ = 1;
const EVENTTYPE_FD_WRITE = 2;
const SUBCLOCKFLAGS_ABSTIME = 1;
const CLOCKID_REALTIME = 0;
/** subscription: 48 bytes (userdata u64, tag u8 at 8, union at 16); event: 32 bytes. */
const SUBSCRIPTION_SIZE = 48;
const EVENT_SIZE = 32;

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  start(ev.data).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};

async function start(m: ToWorker): Promise<void> {
  const module = m.module;
  const ctrl = new Int32Array(m.stdin, 0, 1);
  const data = new Uint8Array(m.stdin, 8);
  let local = new Uint8Array(0);

  /** Moves what the page left in the shared buffer into `local`; true when there is input. */
  const takeInput = (): boolean => {
    const n = Atomics.load(ctrl, 0);
    if (n > 0) {
      const joined = new Uint8Array(local.length + n);
      joined.set(local);
      joined.set(data.subarray(0, n), local.length);
      local = joined;
      Atomics.store(ctrl, 0, 0);
      post({ type: 'stdin-taken' });
    }
    return local.length > 0;
  };
  /** Waits for input up to `ms` (Infinity: for ever); true when there is some. */
  const waitInput = (ms: number): boolean => {
    if (takeInput()) return true;
    if (ms > 0) Atomics.wait(ctrl, 0, 0, ms === Infinity ? undefined : ms);
    return takeInput();
  };

  const wasi = new WASI(
    m.args,
    m.env,
    [new ConsoleStdout(() => {}), new ConsoleStdout(() => {}), new ConsoleStdout(() => {})],
    { debug: false },
  );
  const imports = wasi.wasiImport as Record<string, (...a: never[]) => number>;
  const memory = (): ArrayBuffer => (wasi.inst.exports.memory as WebAssembly.Memory).buffer;
  const iovecs = (ptr: number, len: number): [number, number][] => {
    const v = new DataView(memory());
    return Array.from({ length: len }, (_, i): [number, number] => [
      v.getUint32(ptr + 8 * i, true),
      v.getUint32(ptr + 8 * i + 4, true),
    ]);
  };
  const shimRead = imports.fd_read!;
  const shimWrite = imports.fd_write!;

  Object.assign(imports, {
    fd_write(fd: number, iovs: number, iovsLen: number, nwrittenPtr: number): number {
      if (fd !== 1 && fd !== 2) return (shimWrite as (...a: number[]) => number)(fd, iovs, iovsLen, nwrittenPtr);
      let total = 0;
      const parts: Uint8Array[] = [];
      for (const [buf, len] of iovecs(iovs, iovsLen)) {
        if (len === 0) continue;
        parts.push(new Uint8Array(memory(), buf, len).slice());
        total += len;
      }
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      if (total > 0) post({ type: 'out', fd, bytes }, [bytes.buffer]);
      new DataView(memory()).setUint32(nwrittenPtr, total, true);
      return ERRNO_SUCCESS;
    },
    fd_read(fd: number, iovs: number, iovsLen: number, nreadPtr: number): number {
      if (fd !== 0) return (shimRead as (...a: number[]) => number)(fd, iovs, iovsLen, nreadPtr);
      waitInput(Infinity);
      let nread = 0;
      for (const [buf, len] of iovecs(iovs, iovsLen)) {
        const n = Math.min(len, local.length);
        new Uint8Array(memory(), buf, n).set(local.subarray(0, n));
        local = local.slice(n);
        nread += n;
        if (local.length === 0) break;
      }
      new DataView(memory()).setUint32(nreadPtr, nread, true);
      return ERRNO_SUCCESS;
    },
    poll_oneoff(inPtr: number, outPtr: number, nsubs: number, neventsPtr: number): number {
      if (nsubs === 0) return ERRNO_INVAL;
      const v = new DataView(memory());
      let timeoutMs = Infinity;
      let clock: bigint | undefined;
      const reads: bigint[] = [];
      const writes: bigint[] = [];
      for (let i = 0; i < nsubs; i++) {
        const p = inPtr + SUBSCRIPTION_SIZE * i;
        const userdata = v.getBigUint64(p, true);
        const tag = v.getUint8(p + 8);
        if (tag === EVENTTYPE_CLOCK) {
          const id = v.getUint32(p + 16, true);
          const ns = v.getBigUint64(p + 24, true);
          const flags = v.getUint16(p + 40, true);
          let ms = Number(ns) / 1e6;
          if (flags & SUBCLOCKFLAGS_ABSTIME) {
            const now = id === CLOCKID_REALTIME ? Date.now() : performance.now();
            ms = Math.max(0, ms - now);
          }
          if (ms < timeoutMs) {
            timeoutMs = ms;
            clock = userdata;
          }
        } else if (tag === EVENTTYPE_FD_READ) {
          if (v.getUint32(p + 16, true) !== 0) return ERRNO_INVAL;
          reads.push(userdata);
        } else if (tag === EVENTTYPE_FD_WRITE) writes.push(userdata);
        else return ERRNO_INVAL;
      }
      const events: [bigint, number][] = writes.map((u) => [u, EVENTTYPE_FD_WRITE]);
      let readable = false;
      if (reads.length > 0) readable = waitInput(events.length > 0 ? 0 : timeoutMs);
      else if (events.length === 0 && timeoutMs > 0 && timeoutMs !== Infinity) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, timeoutMs);
      }
      if (readable) for (const u of reads) events.push([u, EVENTTYPE_FD_READ]);
      if (events.length === 0 && clock !== undefined) events.push([clock, EVENTTYPE_CLOCK]);
      events.forEach(([userdata, type], i) => {
        const p = outPtr + EVENT_SIZE * i;
        for (let b = 0; b < EVENT_SIZE; b++) v.setUint8(p + b, 0);
        v.setBigUint64(p, userdata, true);
        v.setUint8(p + 10, type);
        if (type === EVENTTYPE_FD_READ) v.setBigUint64(p + 16, BigInt(local.length), true);
      });
      v.setUint32(neventsPtr, events.length, true);
      return ERRNO_SUCCESS;
    },
  });

  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  post({ type: 'running' });
  try {
    const code = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start: () => unknown } });
    post({ type: 'exit', code });
  } catch (e) {
    if (e instanceof WASIProcExit) post({ type: 'exit', code: e.code });
    else post({ type: 'trap', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}
