import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/support/e2eGlobalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // One browser at a time: the machines have two cores, and timing-sensitive panels need one.
    fileParallelism: false,
  },
});
