import type { Plugin } from 'rollup';
/** MediaPipe's WebAssembly loader with its Node branch cut: for browsers only. */
export function browserOnly(source: string): string;
/** The blur's files, named as they are served under dist/embed/. */
export function blurFiles(): { wasm: string; model: string };
/** The rollup plugin that writes the blur's files or points at them. */
export function blurAssets(options: { emit: boolean }): Plugin;
