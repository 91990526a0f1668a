import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The six-size layout sweep (tests/layout) is part of the suite; alone: `npm run test:layout`.
    include: ['tests/e2e/**/*.e2e.ts', 'tests/layout/**/*.layout.ts'],
    environment: 'node',
    globalSetup: ['tests/support/e2eGlobalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // One browser at a time: the machines have two cores, and timing-sensitive panels need one.
    fileParallelism: false,
    // The layout sweep runs its screen sizes side by side, three at a time.
    maxConcurrency: 3,
  },
});
