/**
 * Server-side rendering (Next.js, Nuxt, Astro) imports a page's modules in Node, where there is no
 * DOM. Each built entry point must then load without throwing and define nothing. Each import runs
 * in a Node process of its own, as a server would load it (npm test builds first).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from '../support/node-test.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, { import: string } | string>;
};

const OUR_TAGS = [
  'expert-call',
  'expert-console',
  'ec-call-stage',
  'ec-video-tile',
  'ec-audio-sink',
  'ec-chat',
  'ec-request-list',
];

/** What a Node process sees after importing `specifier`: its exports and the globals it left. */
function importInNode(specifier: string): {
  exported: string[];
  htmlElement: string;
  window: string;
  defined: string[];
} {
  const script = `
    const mod = await import(${JSON.stringify(specifier)});
    const registry = globalThis.customElements;
    console.log(JSON.stringify({
      exported: Object.keys(mod),
      htmlElement: typeof HTMLElement,
      window: typeof window,
      defined: ${JSON.stringify(OUR_TAGS)}.filter((tag) => registry?.get?.(tag)),
    }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe('importing the package on a server', () => {
  const entries = Object.entries(pkg.exports).filter(
    (entry): entry is [string, { import: string }] => typeof entry[1] !== 'string',
  );
  for (const [entry, target] of entries) {
    const specifier = `expert-call${entry.slice(1)}`;
    it(`"${specifier}" loads in plain Node, exports its element class and defines nothing`, () => {
      const seen = importInNode(`${process.cwd()}/${target.import}`);
      assert.ok(seen.exported.length > 0, 'it exports its API');
      assert.equal(seen.htmlElement, 'undefined', 'no HTMLElement was put on globalThis');
      assert.equal(seen.window, 'undefined');
      assert.deepEqual(seen.defined, [], 'no element is defined');
    });
  }

  it('the one-tag launcher (dist/embed/expert-call.js) loads in plain Node too', () => {
    const seen = importInNode(`${process.cwd()}/dist/embed/expert-call.js`);
    assert.deepEqual(seen.defined, []);
    assert.equal(seen.htmlElement, 'undefined');
  });
});
