import type { Reporter, TestCase } from 'vitest/node';

/**
 * Prints why a retried test failed its first try. Vitest's default reporter names a test that passed on
 * its retry ("retry x1") but not the error of the try that failed, and that error is the one clue to a
 * flaky step on a loaded CI machine. The runner keeps every try's errors on the result, so they are
 * printed here once the test has passed.
 */
export default class RetriedTestsReporter implements Reporter {
  onTestCaseResult(testCase: TestCase): void {
    const diagnostic = testCase.diagnostic();
    const { state, errors } = testCase.result();
    if (state !== 'passed' || !diagnostic?.flaky || !errors?.length) return;
    const lines = errors.map((e) => `  ${(e.stack ?? e.message).split('\n').slice(0, 8).join('\n  ')}`);
    console.log(
      `\n[retried] ${testCase.module.moduleId} › ${testCase.fullName} passed on try ${diagnostic.retryCount + 1}; ` +
        `earlier try failed with:\n${lines.join('\n')}\n`,
    );
  }
}
