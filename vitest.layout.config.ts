import { defineConfig } from 'vitest/config';

// The six-size layout sweep (`npm run test:layout`): the same server and browser set-up as the e2e tests.
export default defineConfig({
  test: {
    include: ['tests/layout/**/*.layout.ts'],
    environment: 'node',
    globalSetup: ['tests/support/e2eGlobalSetup.ts'],
    testTimeout: 900_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // The layout sweep runs its screen sizes side by side, three at a time.
    maxConcurrency: 3,
  },
});
