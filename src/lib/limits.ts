// The size limits an output meets on its way out, in one place: what the site, the smoke boot and
// the release upload check before they spend time on an output that cannot pass.

/**
 * V8 (Node, Chrome, Edge) compiles no wasm module larger than this: kV8MaxWasmModuleSize, 1 GiB
 * (deps/v8/src/wasm/wasm-limits.h in nodejs/node, the V8 of Node 24:
 * https://github.com/nodejs/node/blob/v24.x/deps/v8/src/wasm/wasm-limits.h; V8's own:
 * https://github.com/v8/v8/blob/main/src/wasm/wasm-limits.h). Node answers a larger one with
 * `RangeError: WebAssembly.compile(): size > maximum module size`, or fails to read it into one
 * buffer at all past 2 GiB. wasmtime and wasmer have no such limit.
 */
export const V8_MODULE_LIMIT = 1024 ** 3;

/**
 * Published GitHub Pages sites may be no larger than 1 GB (docs.github.com, "GitHub Pages limits");
 * actions/deploy-pages warns past 1073741824 bytes of the uploaded tar (src/internal/deployment.js,
 * ONE_GIGABYTE).
 */
export const PAGES_SITE_LIMIT = 1024 ** 3;

/**
 * "Each file included in a release must be under 2 GiB" (docs.github.com, About releases: storage
 * and bandwidth quotas, https://docs.github.com/en/repositories/releasing-projects-on-github/about-releases).
 */
export const RELEASE_ASSET_LIMIT = 2 * 1024 ** 3;

/** Bytes as GiB with two decimals, the unit every limit above is given in. */
export const gib = (n: number): string => `${(n / 1024 ** 3).toFixed(2)} GiB`;
