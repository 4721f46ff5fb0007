/**
 * `node:test` with a time limit on every test and every hook, for the unit, hub and end-to-end
 * tests: import `describe`, `it` and the hooks from here, not from `node:test` (the lint says so).
 *
 * Node 20 has no per-test default: `--test-timeout` bounds a whole file, and a suite's
 * `timeout` bounds the whole suite, so a test that hangs would take the rest of its file down
 * with it, without a word of which one. Here each test and hook fails on its own, named, after
 * `TEST_TIMEOUT_MS` (60 s; the environment variable of that name changes it), unless it gives
 * a `timeout` of its own. The waits inside tests have shorter deadlines still (deadline.ts).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as node from 'node:test';
import { DeadlineError } from './deadline.js';

// A suite's own `timeout` bounds the whole suite; each test in it is bounded anyway.
export { describe, mock, type TestContext, type SuiteContext } from 'node:test';

export const TEST_TIMEOUT_MS = Number(process.env['TEST_TIMEOUT_MS'] ?? 60_000);

type Options = { timeout?: number; skip?: boolean | string; concurrency?: number | boolean };

/**
 * Under StrykerJS (`npm run mutate`), only a failing assertion counts as catching a mutant. A
 * wait that runs out (a DeadlineError) means the mutant made something hang: the test is then
 * marked skipped instead of failed, and the mutant is written down as caught by a deadline only
 * (test/mutation/score.ts reads it). Outside mutation testing, a deadline fails the test.
 */
const ACTIVE_MUTANT = process.env['__STRYKER_ACTIVE_MUTANT__'];
const DEADLINES_DIR = process.env['MUTATION_DEADLINES_DIR'];

function noteDeadline(where: string, error: DeadlineError): void {
  if (!DEADLINES_DIR || ACTIVE_MUTANT === undefined) return;
  mkdirSync(DEADLINES_DIR, { recursive: true });
  appendFileSync(join(DEADLINES_DIR, ACTIVE_MUTANT), `${where}: ${error.message}\n`);
}

function forgivingDeadlines(name: string, fn: node.TestFn): node.TestFn {
  if (ACTIVE_MUTANT === undefined) return fn;
  return async (t) => {
    try {
      await fn(t, () => {});
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      noteDeadline(name, error);
      t.skip(`a wait ran out under a mutant: ${error.message}`);
    }
  };
}

function forgivingHookDeadlines(fn: node.HookFn): node.HookFn {
  if (ACTIVE_MUTANT === undefined) return fn;
  return async (context) => {
    try {
      await fn(context, () => {});
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      noteDeadline('a hook', error);
    }
  };
}

function bounded(
  run: (name: string, options: Options, fn: node.TestFn) => unknown,
): (name: string, optionsOrFn: Options | node.TestFn, fn?: node.TestFn) => void {
  return (name, optionsOrFn, fn) => {
    const [options, body] =
      fn === undefined ? [{}, optionsOrFn as node.TestFn] : [optionsOrFn as Options, fn];
    void run(name, { timeout: TEST_TIMEOUT_MS, ...options }, forgivingDeadlines(name, body));
  };
}

function boundedHook(
  run: (fn: node.HookFn, options: { timeout?: number }) => void,
): (fn: node.HookFn, options?: { timeout?: number }) => void {
  return (fn, options = {}) =>
    run(forgivingHookDeadlines(fn), { timeout: TEST_TIMEOUT_MS, ...options });
}

/** A test, failed after `TEST_TIMEOUT_MS` unless `options.timeout` says otherwise. */
export const it: {
  (name: string, fn: node.TestFn): void;
  (name: string, options: Options, fn: node.TestFn): void;
} = bounded(node.it);
export const test = it;

export const before = boundedHook(node.before);
export const after = boundedHook(node.after);
export const beforeEach = boundedHook(node.beforeEach);
export const afterEach = boundedHook(node.afterEach);
