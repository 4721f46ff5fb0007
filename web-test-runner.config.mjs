// Browser tests on Debian's Chromium (installed by .ci/run; no test tool downloads a browser),
// with fake camera and microphone.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './test/support/chromium.mjs';

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: { browser: true },
  hostname: '127.0.0.1',
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
  ],
  // Every test fails within a bound: 20 s a test (mocha), 3 minutes a file, 30 s for a page
  // to start its tests.
  testFramework: { config: { timeout: 20000 } },
  testsStartTimeout: 30000,
  testsFinishTimeout: 180000,
};
