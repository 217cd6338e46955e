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

/** The loader's message to one of its workers (unpack-worker.ts): load one part, or start keeping what it loaded. */
export type ToUnpacker =
  | { type: 'keep' }
  | {
      type: 'part';
      /** The loader's number for this request. */
      id: number;
      /** The chunk file's address. */
      url: string;
      /** The part's size and SHA-256 (hex) once decompressed. */
      size: number;
      sha256: string;
      /** The Cache API cache to read it from (when `kept`) and keep it in; absent: no storage. */
      cache?: string;
      /** The cache holds this address (from the last visits). */
      kept?: boolean;
    };

export type FromUnpacker =
  /** The body has arrived from the host (its request slot is free). */
  | { type: 'fetched'; id: number }
  /** The part, checked and decompressed (transferred). */
  | { type: 'part'; id: number; from: 'storage' | 'network'; raw: ArrayBuffer }
  /** No part: the request failed (`fetch`), the host answered a status (`status`), or the bytes are not the part's (`digest`). */
  | { type: 'failed'; id: number; kind: 'fetch' | 'status' | 'digest'; detail: string }
  /** A write into storage ended; `pending` writes remain in this worker. */
  | { type: 'kept'; id: number; pending: number }
  /** Storage refused a write (a full quota); this worker writes nothing more. */
  | { type: 'keep-failed'; id: number; message: string };
