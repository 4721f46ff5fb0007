/**
 * MediaPipe's WebAssembly loader as the build ships it (scripts/blur-assets.mjs): for browsers
 * only, so that a shop's bundler builds dist/esm without Node's modules. That the loader then
 * starts the blur is the end-to-end blur test's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, it } from '../support/node-test.js';
import { browserOnly } from '../../scripts/blur-assets.mjs';

const loader = readFileSync(
  join(
    dirname(fileURLToPath(import.meta.resolve('@mediapipe/tasks-vision'))),
    'wasm/vision_wasm_internal.js',
  ),
  'utf8',
);

describe('the blur’s WebAssembly loader, as built', () => {
  it('bundles for a browser with no Node module to resolve', async () => {
    const bundle = (contents: string) =>
      build({
        stdin: { contents: `${contents}\nexport default ModuleFactory;`, loader: 'js' },
        bundle: true,
        write: false,
        platform: 'browser',
        format: 'esm',
        logLevel: 'silent',
      });
    // The loader as published is what a shop's bundler refused.
    await assert.rejects(bundle(loader), /Could not resolve "fs"/);
    const built = await bundle(browserOnly(loader));
    assert.equal(built.errors.length, 0);
    assert.doesNotMatch(built.outputFiles[0]!.text, /\brequire\s*\(/);
  });

  it('never takes the Node branch, even where `process` looks like Node’s', () => {
    const cut = browserOnly(loader);
    assert.match(cut, /ENVIRONMENT_IS_NODE=false/);
    assert.doesNotMatch(cut, /ENVIRONMENT_IS_NODE=typeof process/);
  });

  it('fails the build on a loader that no longer decides where it runs as expected', () => {
    assert.throws(
      () =>
        browserOnly(
          loader.replace(
            /ENVIRONMENT_IS_NODE=typeof process/,
            'ENVIRONMENT_IS_NODE=typeof globalThis.process',
          ),
        ),
      /no longer decides ENVIRONMENT_IS_NODE/,
    );
    assert.throws(
      () => browserOnly(`${loader}\nvar os=require ("os");`),
      /a require is left in the loader/,
    );
  });
});
