import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests of pure functions, and integration tests that run the
// bundled action, a real Docker engine and the local stand-ins for GitHub's services.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.itest.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // The Docker engine and the build cache are shared: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
