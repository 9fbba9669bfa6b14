// The test environment of every suite: jest's node environment, plus one thing — a failed test
// gets what its suite recorded about it (the browser specs' pages: the addresses they went to,
// the API's refusals, what the page showed last; apps/console/e2e/console-world.ts) added to its
// failure, so that a CI run that fails where no one watches still says what the browser saw.
// A suite records by setting `globalThis.__nastavnikTestDiagnostics` to a function of the test's
// full name that returns the text to add, or nothing.
const { TestEnvironment } = require('jest-environment-node');

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}

class NastavnikEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__nastavnikCurrentTest = fullName(event.test);
    if (event.name !== 'test_done' || event.test.errors.length === 0) return;
    const diagnose = this.global.__nastavnikTestDiagnostics;
    if (typeof diagnose !== 'function') return;
    try {
      const text = await diagnose(fullName(event.test));
      if (!text) return;
      const error = new Error(`What the test saw (diagnostics):\n${text}`);
      error.stack = error.message; // no code frame: the place is this file, not the test
      event.test.errors.push(error);
    } catch (error) {
      event.test.errors.push(new Error(`diagnostics failed: ${error && error.message}`));
    }
  }
}

module.exports = NastavnikEnvironment;
