// The build's part of background blur (src/core/background-blur.ts): MediaPipe's WebAssembly
// loader bundled as a module, and the two files the blur fetches when turned on (MediaPipe's
// vision WebAssembly and the selfie segmentation model) written next to the embed, under
// dist/embed/blur/, with their versions in their names. The bundler build (dist/esm) points at
// those same files rather than carrying a second 10 MB copy: its chunks sit in dist/esm/chunks/.
// Both embed builds (shop and console) write them, so that neither depends on the other.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSegmenterMetadata } from './segmenter-model.mjs';

const ASSETS = 'expert-call:blur-assets';
const LOADER = 'expert-call:vision-loader';

const packageDir = (/** @type {string} */ name) =>
  dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
const version = (/** @type {string} */ name) =>
  JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;

/** The vision package's own directory (its exports do not include package.json). */
const visionDir = () => dirname(fileURLToPath(import.meta.resolve('@mediapipe/tasks-vision')));
const visionVersion = () =>
  JSON.parse(readFileSync(join(visionDir(), 'package.json'), 'utf8')).version;

/**
 * The loader, for browsers only. Its Node branch `require`s fs, path and crypto: left in, a
 * shop's bundler (esbuild, webpack, Vite) building dist/esm for the browser stops on them. The
 * branch is cut where Emscripten decides it runs in Node, and each `require` becomes a call that
 * throws; a loader of another version that no longer matches fails the build, not the shop's.
 * @param {string} source
 */
export function browserOnly(source) {
  const nodeTest = /ENVIRONMENT_IS_NODE=typeof process=="object"[^;,]*/;
  if (!nodeTest.test(source)) {
    throw new Error(
      'blur-assets: the vision loader no longer decides ENVIRONMENT_IS_NODE as known',
    );
  }
  const cut = source
    .replace(nodeTest, 'ENVIRONMENT_IS_NODE=false')
    .replace(/\brequire\(("[\w:]+")\)/g, 'nodeOnly($1)');
  if (/\brequire\s*\(/.test(cut)) throw new Error('blur-assets: a require is left in the loader');
  return [
    'function nodeOnly(name) { throw new Error(`the vision loader runs in browsers, not ${name}`); }',
    cut,
  ].join('\n');
}

/** The files, named as they are served. */
export const blurFiles = () => ({
  wasm: `blur/vision-${visionVersion()}.wasm`,
  model: `blur/selfie-segmenter-${version('@mediapipe/selfie_segmentation')}.tflite`,
});

/**
 * @param {{ emit: boolean }} options `emit`: this build writes the files (the embed); otherwise
 *   it points at the embed's (the bundler build, whose chunks are two folders below dist/).
 * @returns {import('rollup').Plugin}
 */
export function blurAssets({ emit }) {
  const files = blurFiles();
  return {
    name: 'blur-assets',
    resolveId(id) {
      return id === ASSETS || id === LOADER ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${LOADER}`) {
        // Emscripten's loader declares `var ModuleFactory`, and exports it only to CommonJS or
        // AMD: as a module, it is exported. It also declares `custom_dbg`, MediaPipe's log, in a
        // block, which only sloppy scripts see from outside it: a module needs it declared at its
        // top. Ours keeps errors (glog's E and F lines), not the lines of information every
        // start writes into the shop's console.
        const loader = browserOnly(
          readFileSync(join(visionDir(), 'wasm/vision_wasm_internal.js'), 'utf8'),
        );
        return [
          'function custom_dbg(text) { if (/^[EF]\\d{4} /.test(text)) console.warn(text); }',
          loader,
          'export default ModuleFactory;',
        ].join('\n');
      }
      if (id !== `\0${ASSETS}`) return null;
      if (!emit) {
        return [
          `export const wasmUrl = new URL('../../embed/${files.wasm}', import.meta.url).href;`,
          `export const modelUrl = new URL('../../embed/${files.model}', import.meta.url).href;`,
        ].join('\n');
      }
      const wasm = this.emitFile({
        type: 'asset',
        fileName: files.wasm,
        source: readFileSync(join(visionDir(), 'wasm/vision_wasm_internal.wasm')),
      });
      const model = this.emitFile({
        type: 'asset',
        fileName: files.model,
        source: withSegmenterMetadata(
          readFileSync(
            join(packageDir('@mediapipe/selfie_segmentation'), 'selfie_segmentation.tflite'),
          ),
        ),
      });
      return [
        `export const wasmUrl = import.meta.ROLLUP_FILE_URL_${wasm};`,
        `export const modelUrl = import.meta.ROLLUP_FILE_URL_${model};`,
      ].join('\n');
    },
    generateBundle(_, bundle) {
      if (emit) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.includes(`\0${ASSETS}`)) {
          if (!chunk.fileName.startsWith('chunks/') || chunk.fileName.split('/').length !== 2) {
            this.error(`blur-assets: ${chunk.fileName} would not find ../../embed/blur/`);
          }
        }
      }
    },
  };
}
