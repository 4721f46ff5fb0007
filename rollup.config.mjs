// Builds what a shop downloads (dist/embed) and what bundler users import (dist/esm).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';

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

/** Self-contained ES modules for the one-tag embed: every import is bundled. */
const embed = (name, input) => ({
  input: { [name]: input },
  onwarn,
  // What the panel chunk shares with the launcher (the language helpers) stays in the launcher's
  // own file, which then exports a little more, instead of moving the launcher into a chunk
  // behind a one-line facade (one more request before the button shows).
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    nodeResolve({ browser: true }),
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
const dependencies = Object.keys(packageJson.dependencies);

export default [
  // The launcher first: it is what every page of the shop pays for.
  embed('expert-call', 'src/widget/index.ts'),
  embed('expert-console', 'src/console/index.ts'),
  // For bundler users: dependencies stay imports so their bundler dedupes lit & co.
  {
    input: { 'expert-call': 'src/widget/index.ts', 'expert-console': 'src/console/index.ts' },
    onwarn,
    external: (id) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    plugins: [typescript()],
    output: {
      dir: 'dist/esm',
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
