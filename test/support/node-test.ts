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
import * as node from 'node:test';

// A suite's own `timeout` bounds the whole suite; each test in it is bounded anyway.
export { describe, mock, type TestContext, type SuiteContext } from 'node:test';

export const TEST_TIMEOUT_MS = Number(process.env['TEST_TIMEOUT_MS'] ?? 60_000);

type Options = { timeout?: number; skip?: boolean | string; concurrency?: number | boolean };

function bounded<Fn>(
  run: (name: string, options: Options, fn: Fn) => unknown,
): (name: string, optionsOrFn: Options | Fn, fn?: Fn) => void {
  return (name, optionsOrFn, fn) => {
    const [options, body] =
      fn === undefined ? [{}, optionsOrFn as Fn] : [optionsOrFn as Options, fn];
    void run(name, { timeout: TEST_TIMEOUT_MS, ...options }, body);
  };
}

function boundedHook(
  run: (fn: node.HookFn, options: { timeout?: number }) => void,
): (fn: node.HookFn, options?: { timeout?: number }) => void {
  return (fn, options = {}) => run(fn, { timeout: TEST_TIMEOUT_MS, ...options });
}

/** A test, failed after `TEST_TIMEOUT_MS` unless `options.timeout` says otherwise. */
export const it: {
  (name: string, fn: node.TestFn): void;
  (name: string, options: Options, fn: node.TestFn): void;
} = bounded<node.TestFn>(node.it);
export const test = it;

export const before = boundedHook(node.before);
export const after = boundedHook(node.after);
export const beforeEach = boundedHook(node.beforeEach);
export const afterEach = boundedHook(node.afterEach);
