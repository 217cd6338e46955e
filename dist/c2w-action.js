#!/usr/bin/env node
// The c2w-action command's entry: the same bundle (see src/index.ts).
import './index.js';
