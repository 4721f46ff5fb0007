/**
 * The package as a shop's developer installs it: the packed tarball passes publint and "Are the
 * types wrong?", a strict consumer's tsc (skipLibCheck off) accepts a React 19 app, a Vue 3 app
 * and plain DOM code written against it, and those apps, built with esbuild, run in Chromium
 * with props and events reaching the element. React also renders it on a server.
 * (npm test builds first.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from '../support/node-test.js';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import type * as ReactEntry from '../../src/react/index.js';
import { launchChromium } from '../support/browser.js';

const repo = resolve('.');
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
let shop: string;
let tarball: string;
let browser: Browser;

before(async () => {
  // A shop's project: the tarball unpacked in its node_modules, with what npm would install.
  shop = mkdtempSync(join(tmpdir(), 'expert-call-shop-'));
  const packed = execFileSync('npm', ['pack', '--pack-destination', shop, '--silent'], {
    encoding: 'utf8',
  });
  tarball = join(shop, packed.trim().split('\n').at(-1)!);
  const modules = join(shop, 'node_modules');
  mkdirSync(join(modules, 'expert-call'), { recursive: true });
  execFileSync('tar', [
    '-xzf',
    tarball,
    '-C',
    join(modules, 'expert-call'),
    '--strip-components=1',
  ]);
  // Everything installed here, but our own development tools: what the package needs at run
  // time and for its types must come from its dependencies, not from our devDependencies.
  const { devDependencies } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const shopHasToo = new Set(['react', 'react-dom', '@types/react', '@types/react-dom', 'vue']);
  const ours = (name: string) => name in devDependencies && !shopHasToo.has(name);
  for (const entry of readdirSync(join(repo, 'node_modules'))) {
    const names = entry.startsWith('@')
      ? readdirSync(join(repo, 'node_modules', entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of names) {
      if (name === 'expert-call' || ours(name)) continue;
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(join(repo, 'node_modules', name), join(modules, name));
    }
  }
  cpSync(join(repo, 'test', 'consumer'), shop, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (shop) rmSync(shop, { recursive: true, force: true });
});

/** Builds `entry` of the shop's project as one script, as a shop's bundler would. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(shop, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    logLevel: 'silent',
    // Vue's build with its template compiler, as a shop without a .vue build step uses.
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  return result.outputFiles[0]!.text;
}

/** Runs a built app on a blank page; resolves once its elements have said what they saw. */
async function run(app: string, until: string[]) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.setContent('<div id="root"></div>');
  await page.addScriptTag({ content: app });
  await page.waitForFunction(
    (expected) =>
      expected.every((line) => (window as unknown as { seen: string[] }).seen.includes(line)),
    until,
  );
  return page;
}

describe('the published package', () => {
  it('passes publint', () => {
    execFileSync(bin('publint'), ['run', tarball, '--strict'], { stdio: 'pipe' });
  });

  it('passes "Are the types wrong?" (an ES-module-only package)', () => {
    execFileSync(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], {
      stdio: 'pipe',
    });
  });

  it('type-checks a strict consumer’s React, Vue and DOM code, with skipLibCheck off', () => {
    try {
      execFileSync(bin('tsc'), ['-p', shop], { encoding: 'utf8' });
    } catch (error) {
      assert.fail((error as { stdout: string }).stdout);
    }
  });

  it('works in a React 19 app: wrapper and JSX element get their props, events reach React', async () => {
    const page = await run(await bundle('react-app.tsx'), [
      'wrapper:hub-missing',
      'jsx:hub-missing',
    ]);
    const seen = await page.evaluate(() => ({
      wrapper: document.querySelector('#wrapper')!.shadowRoot!.querySelector('button')!.textContent,
      wrapperProduct: (document.querySelector('#wrapper') as HTMLElementTagNameMap['expert-call'])
        .context.product?.name,
      jsxProduct: (document.querySelector('#jsx') as HTMLElementTagNameMap['expert-call']).context
        .product?.name,
      placement: document.querySelector('#jsx')!.getAttribute('placement'),
    }));
    assert.deepEqual(seen, {
      wrapper: 'Video help is unavailable right now',
      wrapperProduct: 'Lumen E-City 500',
      jsxProduct: 'Lampe Orbe',
      placement: 'inline',
    });
    await page.close();
  });

  it('works in a Vue 3 app: the template’s element gets its props, its events reach Vue', async () => {
    const page = await run(await bundle('vue-app.ts'), ['vue:hub-missing']);
    const product = await page.evaluate(
      () =>
        (document.querySelector('#vue') as HTMLElementTagNameMap['expert-call']).context.product
          ?.name,
    );
    assert.equal(product, 'Lumen E-City 500');
    await page.close();
  });

  it('renders the element with React on a server, without a DOM (props follow on hydration)', async () => {
    const { ExpertCall } = (await import(
      pathToFileURL(join(shop, 'node_modules/expert-call/dist/esm/react.js')).href
    )) as typeof ReactEntry;
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const html = renderToString(createElement(ExpertCall, { hub: 'https://experts.example' }));
    assert.match(html, /^<expert-call[^>]*><\/expert-call>$/);
  });
});
