// Facts about c2w that the inputs, the installer and the caches share. A leaf: it imports nothing
// of the project.

/**
 * A c2w release tag: `v` and a semantic version, with an optional pre-release of dot-separated
 * letters, digits and hyphens (v0.8.4, v0.9.0-rc.1; SemVer 2.0.0 §9: identifiers are non-empty).
 * Nothing else may come from the network into a download URL, a tool-cache path (no `/`, no `..`
 * part) or the log (no line break); `c2w-version` accepts the same grammar, so a tag the input
 * takes is one the installer takes.
 */
export const C2W_RELEASE_TAG = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
