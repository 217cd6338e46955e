// The report action's entry: the same bundle as the main action (see src/index.ts).
import './index.js';
