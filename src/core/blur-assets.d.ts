// Modules the build makes (rollup.config.mjs, blurAssets): where the blur's files are served
// from, and MediaPipe's WebAssembly loader as a module.
declare module 'expert-call:blur-assets' {
  /** MediaPipe's vision WebAssembly (SIMD build). */
  export const wasmUrl: string;
  /** The selfie segmentation model, with the metadata MediaPipe's tasks need. */
  export const modelUrl: string;
}

declare module 'expert-call:vision-loader' {
  /** Emscripten's module factory for MediaPipe's vision tasks. */
  const factory: unknown;
  export default factory;
}
