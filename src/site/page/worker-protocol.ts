// Messages between the page (page.ts) and the WASI worker (wasi-worker.ts).

/** The page's one message: start the module. */
export interface ToWorker {
  type: 'start';
  /** The module, compiled by the page as it loaded (loader.ts). */
  module: WebAssembly.Module;
  /** The module's argv (argv[0] first). */
  args: string[];
  /** The module's environment, `K=V` each. */
  env: string[];
  /**
   * stdin: an Int32 count of the bytes waiting (0: none) at offset 0, the bytes from offset 8. The page
   * writes only when the count is 0; the worker takes them all and sets it back to 0.
   */
  stdin: SharedArrayBuffer;
}

export type FromWorker =
  | { type: 'running' }
  | { type: 'out'; fd: 1 | 2; bytes: Uint8Array }
  | { type: 'stdin-taken' }
  | { type: 'exit'; code: number }
  | { type: 'trap'; message: string }
  | { type: 'error'; message: string };
