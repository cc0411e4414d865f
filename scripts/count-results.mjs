// Reads Vitest's and Playwright's JSON reports and prints "N passed, N failed[, N skipped]".
// A report that is missing (its runner never ran) counts as one failure: CI must not go green
// on tests that did not run. Exit 1 when anything failed or no test ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

function countVitest(report) {
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(report) {
  const stats = report.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  if ((report.errors ?? []).length > 0 && !stats.unexpected) failed += report.errors.length;
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`ci: ${file} missing — its test runner did not run to the end`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) countVitest(report);
  else countPlaywright(report);
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
