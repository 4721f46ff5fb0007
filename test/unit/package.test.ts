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

  it('names the embed’s Trusted Types policy "expert-call", so a shop’s own Lit policy does not clash', () => {
    const embedded = ['dist/embed/expert-console.js', ...chunksOf('dist/embed/expert-call.js')];
    const policies = embedded.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/createPolicy\("([^"]+)"/g)].map((m) => m[1]),
    );
    assert.ok(policies.length > 0);
    assert.deepEqual([...new Set(policies)], ['expert-call']);
  });

  it('describes both elements in its custom-elements manifest, events with their detail', () => {
    const { customElements: path } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      customElements: string;
    };
    type Declaration = {
      tagName?: string;
      attributes?: { name: string }[];
      events?: { name: string; type?: { text: string } }[];
    };
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    assert.deepEqual(elements.map((d) => d.tagName).sort(), ['expert-call', 'expert-console']);
    const launcher = elements.find((d) => d.tagName === 'expert-call')!;
    assert.ok(launcher.attributes?.some((a) => a.name === 'hub'));
    assert.deepEqual(Object.fromEntries(launcher.events!.map((e) => [e.name, e.type?.text])), {
      'ec-open': 'CustomEvent<null>',
      'ec-close': 'CustomEvent<null>',
      'ec-error': 'CustomEvent<ExpertCallErrorDetail>',
      'ec-state': 'CustomEvent<StateChange>',
      'ec-add-to-cart': 'CustomEvent<ProductEventDetail>',
      'ec-reserve': 'CustomEvent<ProductEventDetail>',
      'ec-open-product': 'CustomEvent<ProductEventDetail>',
    });
  });
});

/** The chunks a one-tag script imports, relative to itself. */
function chunksOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/import\("\.\/(chunks\/[^"]+)"\)/g)].map((m) => `dist/embed/${m[1]}`);
}
