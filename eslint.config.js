import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'bench/.build/',
      'test/fixtures/**/*.js',
      'test/fixtures/**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      // Node's globals (the scripts and benches are plain .mjs).
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'URLSearchParams',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'queueMicrotask',
          'structuredClone',
          'performance',
          'WebAssembly',
          'TextEncoder',
          'TextDecoder',
          'AbortController',
          'AbortSignal',
          'fetch',
          'globalThis',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Facts leave the pipeline through the front ends only: the action (src/action/, and the report
    // action's entry) writes workflow commands and outputs, the command (src/cli/) plain lines. A stage
    // module logs through lib/log.ts and returns what it learned in the run's result (types/result.ts),
    // never keyed by the action's output names (action/outputs.ts), which only the front ends render.
    files: ['src/**/*.ts'],
    ignores: ['src/action/**', 'src/cli/**', 'src/report/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@actions/core',
              message:
                'Stage modules log through lib/log.ts; only src/action/, src/cli/ and report/main.ts talk to the runner.',
            },
          ],
          patterns: [
            {
              group: ['**/action/outputs', '**/action/outputs.js'],
              message:
                'The output names belong to the action: a stage puts what it learned into the run result (types/result.ts), and action/outputs.ts renders it.',
            },
          ],
        },
      ],
    },
  },
);
