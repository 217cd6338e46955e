// The stages a run goes through, named once for the pipeline, the front ends and the cell record.
// A leaf: it imports nothing of the project.

/**
 * The stage a cell stopped in; `inputs` when its inputs were refused, `site` while it wrote the site
 * (site/stage.ts), `done` when it finished.
 */
export const STAGES = ['inputs', 'install', 'build', 'site', 'smoke', 'publish', 'done'] as const;
export type Stage = (typeof STAGES)[number];
/** The stages a running pipeline is in (where a failure is recorded). */
export type RunStage = Exclude<Stage, 'inputs' | 'done'>;
