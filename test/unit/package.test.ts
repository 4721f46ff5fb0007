/**
 * What a shop's developer gets from the package, read from the build (npm test builds first).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from '../support/node-test.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, { types: string; import: string } | string>;
};

describe('the package', () => {
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    it(`exports "${entry}" with its module and its types`, () => {
      assert.ok(existsSync(target.import), `${target.import} is built`);
      assert.ok(existsSync(target.types), `${target.types} is built`);
    });
  }

  it('leaves lit and livekit-client to the bundler of bundler users, so they are not shipped twice', () => {
    const code = readFileSync('dist/esm/expert-console.js', 'utf8');
    assert.match(code, /from ['"]lit['"]/);
    assert.doesNotMatch(code, /class LitElement/);
  });

  it('keeps the one-tag launcher free of Lit and livekit-client: they come with the panel chunk', () => {
    const launcher = readFileSync('dist/embed/expert-call.js', 'utf8');
    assert.doesNotMatch(launcher, /LitElement|RTCPeerConnection/);
    const chunk = /import\("\.\/(chunks\/[^"]+)"\)/.exec(launcher)?.[1];
    assert.ok(chunk, 'the launcher imports its panel chunk relative to itself');
    const panel = readFileSync(`dist/embed/${chunk}`, 'utf8');
    assert.match(panel, /RTCPeerConnection/);
  });
});
