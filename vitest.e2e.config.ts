import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The six-size layout sweep (tests/layout) runs alone (`npm run test:layout`): with it, `npm test`
    // no longer fits CI's 25 minutes (docs/LAYOUT.md, "CI budget").
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/support/e2eGlobalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // One browser at a time: the machines have two cores, and timing-sensitive panels need one.
    fileParallelism: false,
  },
});
