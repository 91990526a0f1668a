import { defineConfig } from 'vitest/config';

// The six-size layout sweep (`npm run test:layout`): the same server and browser set-up as the e2e tests.
export default defineConfig({
  test: {
    include: ['tests/layout/**/*.layout.ts'],
    environment: 'node',
    globalSetup: ['tests/support/e2eGlobalSetup.ts'],
    // The default report, plus the first try's error of any test that passed on its retry.
    reporters: ['default', './tests/support/retriedTestsReporter.ts'],
    testTimeout: 900_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // The layout sweep runs all its screen sizes side by side (seven tests, eight pages): most of a visit
    // is waiting for the layout to settle, and measured at load 12–17 on two cores, all at once took
    // 186 s against 257 s three at a time (docs/LAYOUT.md, "CI budget").
    maxConcurrency: 7,
  },
});
