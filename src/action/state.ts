// Names of the state the main step hands to the post step (core.saveState / core.getState).
export const STATE = {
  isPost: 'isPost',
  /** A builder the action created, to remove in post. */
  createdBuilder: 'created-builder',
  /** JSON SavePlan (src/cache/layers.ts): the rotated local cache folder and the keys to save it under in post. */
  cacheSave: 'cache-save',
} as const;
