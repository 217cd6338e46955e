export const id = 897;
export const ids = [897];
export const modules = {

/***/ 94897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeDeterministicTarGz: () => (/* binding */ writeDeterministicTarGz)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56118);
/* harmony import */ var _lib_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10228);
// The release asset of a js output: a .tar.gz of the folder that is the same bytes for the same
// files. tar-stream writes the archive (pax headers carry paths longer than ustar's 255 bytes);
// what makes it deterministic is ours: entries in walkFolder's order, mtime 0, uid/gid 0, no
// user or group names, mode 0755 for directories and executables, 0644 otherwise, and a gzip
// header without file name or time (zlib writes mtime 0 and no name).





const EPOCH = new Date(0);
async function writeDeterministicTarGz(dir, outFile) {
    const entries = await (0,_lib_files_js__WEBPACK_IMPORTED_MODULE_4__/* .walkFolder */ .aI)(dir);
    const pack = tar_stream__WEBPACK_IMPORTED_MODULE_3__.pack();
    const fill = (async () => {
        for (const e of entries) {
            const header = {
                name: e.type === 'dir' ? `${e.rel}/` : e.rel,
                type: e.type === 'dir' ? 'directory' : 'file',
                size: e.size,
                mode: e.type === 'dir' || e.executable ? 0o755 : 0o644,
                mtime: EPOCH,
                uid: 0,
                gid: 0,
                uname: '',
                gname: '',
            };
            if (e.type === 'dir') {
                await new Promise((resolve, reject) => pack.entry(header, (err) => (err ? reject(err) : resolve())));
                continue;
            }
            await new Promise((resolve, reject) => {
                const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
                const src = node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream(e.abs);
                src.on('error', reject);
                src.pipe(sink);
            });
        }
        pack.finalize();
    })();
    fill.catch((err) => pack.destroy(err));
    await Promise.all([fill, (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(pack, node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGzip({ level: 9 }), node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream(outFile))]);
}


/***/ })

};

//# sourceMappingURL=897.index.js.map