// Mutation testing (`npm run mutate`, not part of `npm test`: it takes a while). StrykerJS
// changes the code one small way at a time (a mutant) and runs the node tests that reach that
// code; a mutant the tests let pass is a bug they would let pass. test/mutation/score.ts then
// reports the score, counting as killed only a mutant that made a test fail, not one whose
// tests ran out of time. A mutant that cannot change behaviour is written down where it is,
// with `// Stryker disable next-line <mutator>: <why>`.
import { resolve } from 'node:path';

// Where the tests write down mutants that only a wait running out caught (node-test.ts): the
// test processes inherit it.
process.env['MUTATION_DEADLINES_DIR'] ??= resolve('reports/mutation/deadlines');
// A mutant that makes a test wait in vain costs that wait: shorter than the usual 15 s.
process.env['TEST_WAIT_MS'] ??= '8000';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/protocol/**/*.ts',
    'src/core/**/*.ts',
    // What only a browser runs (livekit-client, the devices, Web Audio, custom elements): the
    // node tests StrykerJS runs cannot reach it; the browser and end-to-end tests cover it.
    '!src/core/{media-session,device-preview,devices,chime,custom-element}.ts',
    // The hub's routing, storage and conversation lifecycle.
    'src/server/routing/**/*.ts',
    'src/server/lifecycle/**/*.ts',
    'src/server/storage/**/*.ts',
    'src/server/hub.ts',
    'src/server/registry.ts',
    'src/server/transcript.ts',
  ],
  testRunner: 'tap',
  tap: {
    // Node's own test runner, one file per process; the package and SSR tests need a build, and the
    // LiveKit launcher's tests reach none of the code above.
    testFiles: ['test/unit/!(package|ssr).test.ts', 'test/server/!(livekit-server).test.ts'],
    nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  // Each mutant runs only the test files that reach it.
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Mutants in what runs once at load (the protocol's schemas) are tested too: every test file
  // runs in a process of its own anyway. Log lines are not mutated (ignore-logging.mjs).
  ignoreStatic: false,
  plugins: ['@stryker-mutator/*', './test/mutation/ignore-logging.mjs'],
  ignorers: ['logging'],
  concurrency: 2,
  timeoutMS: 10_000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
