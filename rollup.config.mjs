// Builds what a shop downloads (dist/embed) and what bundler users import (dist/esm).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { blurAssets } from './scripts/blur-assets.mjs';

const typescript = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

/**
 * Lit's css`…` templates keep their indentation and comments through esbuild's minifier: squeeze
 * them (CSS only; html`…` is left alone, its spaces can matter).
 */
const squeezeCss = () => ({
  name: 'squeeze-css',
  transform(code, id) {
    if (!id.includes('/src/') || !code.includes('css`')) return null;
    return {
      code: code.replace(/css`([^`]*)`/g, (_, body) => {
        const squeezed = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/ ?([{};,>]) ?/g, '$1')
          .trim();
        return `css\`${squeezed}\``;
      }),
      map: null,
    };
  },
});

const onwarn = (warning, warn) => {
  // livekit-client's own circular imports are none of our business; ours would be.
  if (
    warning.code === 'CIRCULAR_DEPENDENCY' &&
    warning.ids?.every((id) => id.includes('node_modules'))
  )
    return;
  warn(warning);
};

/**
 * The Trusted Types policy of our own copy of Lit is named `expert-call`, not `lit-html`: a shop
 * whose page already has Lit (and so a `lit-html` policy) would otherwise refuse ours ("Policy
 * with name lit-html already exists") and never show the panel. Bundler users share the shop's
 * Lit, so only the embed needs this.
 */
const ownTrustedTypesPolicy = () => {
  let renamed = false;
  return {
    name: 'own-trusted-types-policy',
    transform(code) {
      if (!code.includes('createPolicy("lit-html"')) return null;
      renamed = true;
      return {
        code: code.replaceAll('createPolicy("lit-html"', 'createPolicy("expert-call"'),
        map: null,
      };
    },
    buildEnd(error) {
      if (!error && [...this.getModuleIds()].some((id) => id.includes('lit-html')) && !renamed) {
        this.error(
          'lit-html no longer creates its policy as expected: update ownTrustedTypesPolicy.',
        );
      }
    },
  };
};

/** Self-contained ES modules for the one-tag embed: every import is bundled. */
const embed = (name, input) => ({
  input: { [name]: input },
  // The panel chunk may import what the launcher already has from the launcher itself, rather
  // than the launcher becoming a stub in front of a shared chunk (one more request on every page).
  preserveEntrySignatures: 'allow-extension',
  onwarn,
  plugins: [
    nodeResolve({ browser: true }),
    blurAssets({ emit: true }),
    ownTrustedTypesPolicy(),
    squeezeCss(),
    typescript(),
    minify({ target: 'es2022' }),
  ],
  output: {
    dir: 'dist/embed',
    format: 'es',
    // The panel chunk is fetched relative to the launcher's own URL (import.meta.url), so the
    // shop only ever points at one file.
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
});

const packageJson = JSON.parse(
  await import('node:fs').then((fs) => fs.readFileSync('package.json', 'utf8')),
);
const dependencies = [
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.peerDependencies),
];

export default [
  // The launcher first: it is what every page of the shop pays for.
  embed('expert-call', 'src/widget/index.ts'),
  embed('expert-console', 'src/console/index.ts'),
  // For bundler users: dependencies stay imports so their bundler dedupes lit & co.
  {
    input: {
      'expert-call': 'src/widget/index.ts',
      'expert-console': 'src/console/index.ts',
      react: 'src/react/index.ts',
      vue: 'src/vue/index.ts',
    },
    onwarn,
    external: (id) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    // Resolved so that what is not external (@lit/react, bundled in expert-call/react) is bundled.
    plugins: [nodeResolve({ browser: true }), blurAssets({ emit: false }), typescript()],
    output: {
      dir: 'dist/esm',
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
