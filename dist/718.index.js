export const id = 718;
export const ids = [718];
export const modules = {

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var _buildx_builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61747);
/* harmony import */ var _cache_layers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66542);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33175);
// The post step: runs after the job's other steps (post-if: always()). It saves the build
// cache the main step rotated and removes a builder the main step created. Never fails the job.





async function post() {
    try {
        const plan = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .cacheSave */ .UN)();
        if (plan) {
            // State is only ever a folder localCacheDir named; anything else did not come from the main step.
            if (!(0,_cache_layers_js__WEBPACK_IMPORTED_MODULE_3__/* .isLocalCacheDir */ .Dv)(process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir(), plan.dir)) {
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Not saving the build cache: unexpected folder ${plan.dir} in the step state.`);
            }
            else {
                const saved = await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Save the build cache', () => (0,_cache_layers_js__WEBPACK_IMPORTED_MODULE_3__/* .saveLayers */ .o)(plan));
                await summarize(plan, saved);
            }
        }
        const builder = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .createdBuilder */ .U)();
        if (builder)
            await (0,_buildx_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .removeBuilder */ .iq)(builder);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`c2w-action post step: ${e.message}`);
    }
}
/** One line under the main step's summary: what the cache service now holds from this job. */
async function summarize(plan, saved) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const parts = [
        saved.shared > 0 ? `${saved.shared} bytes shared by every allocator under <code>${plan.shared?.key}</code>` : '',
        saved.allocator > 0 ? `${saved.allocator} bytes for this allocator under <code>${plan.key}</code>` : '',
    ].filter(Boolean);
    await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .summary */ .z.addRaw(`Build cache saved: ${parts.length ? parts.join('; ') : 'nothing'}.`, true).write();
}


/***/ })

};

//# sourceMappingURL=718.index.js.map