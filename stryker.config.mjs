// Mutation testing (`npm run mutate`, not part of `npm test`: it takes a while). StrykerJS
// changes the code one small way at a time (a mutant) and runs the node tests that reach that
// code; a mutant the tests let pass is a bug they would let pass. test/mutation/score.ts then
// reports the score, counting as killed only a mutant that made a test fail, not one whose
// tests ran out of time. A mutant that cannot change behaviour is written down where it is,
// with `// Stryker disable next-line <mutator>: <why>`.
import { resolve } from 'node:path';

/**
 * The parts of the code mutated, and the part a run may be limited to
 * (`MUTATE_PART=protocol,routing npm run mutate`): the whole takes hours on two cores, so a
 * part at a time is how it gets done. Each choice of parts has its own reports and incremental
 * file, under `reports/mutation/<parts>/` (`all/` for the whole).
 */
export const PARTS = {
  protocol: ['src/protocol/**/*.ts'],
  core: [
    'src/core/**/*.ts',
    // What only a browser runs (livekit-client, the devices, Web Audio, custom elements): the
    // node tests StrykerJS runs cannot reach it; the browser and end-to-end tests cover it.
    '!src/core/{media-session,device-preview,devices,chime,custom-element,background-blur}.ts',
  ],
  // The hub's routing, storage and conversation lifecycle.
  routing: ['src/server/routing/**/*.ts'],
  lifecycle: [
    'src/server/lifecycle/**/*.ts',
    'src/server/hub.ts',
    'src/server/registry.ts',
    'src/server/transcript.ts',
  ],
  storage: ['src/server/storage/**/*.ts'],
};
/**
 * The tests that answer for each part: its own unit tests, and the hub tests that drive it.
 * A mutant is tested against its part's tests only. Every test file loads the protocol (and
 * many load the whole hub), so with all the files a mutant that survives runs through every
 * one of them (six minutes here); with its part's, a part takes minutes, not hours. What
 * survives is then what the part's own tests let through.
 */
export const PART_TESTS = {
  // In this order: a mutant is run against the quick, exact tests of the messages first, so
  // that one they kill does not wait on a hub test that only hangs on it.
  protocol: [
    'test/unit/protocol.test.ts',
    'test/unit/codec.test.ts',
    'test/unit/codec-properties.test.ts',
    'test/unit/hub-client.test.ts',
    'test/server/hub-fuzz.test.ts',
  ],
  core: [
    'test/unit/{chat-channel,chat-links,chat-log,conversation-state,desk-state,devices,emitter}.test.ts',
    'test/unit/{expert-desk,fallback-policy,handoff-offer,hub-client,hub-failure,offline-client}.test.ts',
    'test/unit/{reconnect-policy,requests-to-handle,shopper-conversation}.test.ts',
    'test/unit/expert-call-error.test.ts',
    // The desk's list of requests, against the real hub.
    'test/server/expert-desk-requests.test.ts',
    // The panel's photo sender, against the hub's real answers.
    'test/server/photos.test.ts',
  ],
  routing: [
    'test/unit/{waiting-room,capacity,availability,queue-board,dispatcher,wait-estimates}.test.ts',
    'test/server/{routing,queue-board,business-hours}.test.ts',
  ],
  lifecycle: [
    'test/unit/lifecycle.test.ts',
    'test/server/transcript.test.ts',
    // The quick hub tests first: a mutant one of them kills is not run through the slow ones.
    'test/server/media-events.test.ts',
    'test/server/hub.test.ts',
    'test/server/lifecycle.test.ts',
    'test/server/handoff.test.ts',
    'test/server/marks.test.ts',
    'test/server/hub-faults.test.ts',
    'test/server/conversation.test.ts',
    // What the hub does beside the call: closed hours, ratings, the media server's webhooks,
    // photos, the requests left when closed, chat chosen, products and customer tokens.
    'test/server/{business-hours,ratings,webhooks,photos,expert-desk-requests}.test.ts',
    'test/server/{offline,routing,products,customer-tokens}.test.ts',
  ],
  storage: [
    'test/unit/request-checks.test.ts',
    'test/server/{storage,migrations,storage-health,sql,requests-store,retention,leader-lease,ratings,personal-data}.test.ts',
  ],
};
const chosen = (process.env['MUTATE_PART'] || Object.keys(PARTS).join(',')).split(',');
for (const part of chosen) {
  if (!(part in PARTS)) {
    throw new Error(
      `MUTATE_PART: no part "${part}"; the parts are ${Object.keys(PARTS).join(', ')}.`,
    );
  }
}
/**
 * `MUTATE_FILES=src/core/hub-client.ts,src/core/chat-log.ts` narrows a run to some files of the
 * chosen parts: to measure a file again once its tests have changed, in minutes rather than the
 * part's hour. Such a run keeps its reports and incremental file apart (`<parts>+files/`), so
 * the part's own are left whole.
 */
const only = (process.env['MUTATE_FILES'] ?? '').split(',').filter(Boolean);
/** Where this run's reports go (test/mutation/run.mjs reads it too). */
export const REPORTS = `reports/mutation/${process.env['MUTATE_PART'] ? chosen.join('+') : 'all'}${only.length ? '+files' : ''}`;

// Where the tests write down mutants that only a wait running out caught (node-test.ts): the
// test processes inherit it.
process.env['MUTATION_DEADLINES_DIR'] ??= resolve(`${REPORTS}/deadlines`);
// A mutant that makes a test wait in vain costs that wait: shorter than the usual 15 s.
process.env['TEST_WAIT_MS'] ??= '8000';
// The hub tests keep their conversations in a PostgreSQL schema each, not PGlite, whose start
// costs seconds per test file, and a hub mutant that survives runs through a dozen files.
process.env['HUB_TEST_STORAGE'] ??= 'postgres';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: only.length ? only : chosen.flatMap((part) => PARTS[part]),
  testRunner: 'tap',
  tap: {
    // Node's own test runner, one file per process: the chosen parts' tests (PART_TESTS).
    testFiles: [...new Set(chosen.flatMap((part) => PART_TESTS[part]))],
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
  // Two cores' worth by default; MUTATE_CONCURRENCY=1 leaves a core free for other work.
  concurrency: Number(process.env['MUTATE_CONCURRENCY'] || 2),
  // The first run goes through every test file once, one runner at a time: many minutes.
  dryRunTimeoutMinutes: 60,
  timeoutMS: 10_000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: `${REPORTS}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${REPORTS}/mutation.html` },
  jsonReporter: { fileName: `${REPORTS}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
