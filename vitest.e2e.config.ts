import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The six-size layout sweep runs alone (`npm run test:layout`): its presentation half still flips
    // on pooling at 1366×768 in CI (see docs/LAYOUT.md), and it adds 3–4 minutes.
    include: ['tests/e2e/**/*.e2e.ts'],
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
