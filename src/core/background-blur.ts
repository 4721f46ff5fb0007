/**
 * Background blur, a chunk of its own: fetched the first time someone turns blur on, never
 * before. LiveKit's track processors run the camera's frames through a WebGL blur whose mask
 * comes from MediaPipe's image segmenter. Every file it needs (MediaPipe's WebAssembly, the
 * selfie segmentation model) comes from our own build output, next to this chunk: the shop's
 * page fetches nothing from anywhere else, and nothing is injected as a script (the loader is
 * bundled here, so a page with Trusted Types needs no new policy).
 */
import {
  BackgroundTransformer,
  ProcessorWrapper,
  VideoTransformer,
} from '@livekit/track-processors';
import type { VideoTransformerInitOptions } from '@livekit/track-processors';
import { ImageSegmenter } from '@mediapipe/tasks-vision';
import { modelUrl, wasmUrl } from 'expert-call:blur-assets';
import visionModuleFactory from 'expert-call:vision-loader';

/** How strongly the background is blurred (the processors' default, 10, leaves text legible). */
const BLUR_RADIUS = 16;

function mediaPipeError(text: string): void {
  if (/^[EF]\d{4} /.test(text)) console.warn(`expert-call: background blur: ${text}`);
}

/** LiveKit's background transformer, with its files taken from our build, not from a CDN. */
class OwnFilesBlur extends BackgroundTransformer {
  override async init(options: VideoTransformerInitOptions): Promise<void> {
    // The WebGL part of the transformer's set-up, then our own segmenter in place of the one
    // its init would fetch.
    await VideoTransformer.prototype.init.call(this, options);
    // MediaPipe's tasks take their loader, and the module's settings, from these globals, and
    // clear them once they have them. Its lines of information (one per start, "Graph
    // successfully started running") stay out of the shop's console; its errors do not.
    Object.assign(globalThis, {
      ModuleFactory: visionModuleFactory,
      Module: { print: () => undefined, printErr: mediaPipeError },
    });
    this.imageSegmenter = await ImageSegmenter.createFromOptions(
      { wasmLoaderPath: '', wasmBinaryPath: wasmUrl },
      {
        baseOptions: { modelAssetPath: modelUrl, delegate: 'GPU' },
        canvas: this.canvas as HTMLCanvasElement | OffscreenCanvas,
        runningMode: 'VIDEO',
        outputCategoryMask: true,
        outputConfidenceMasks: false,
      },
    );
    this.gl?.setBlurRadius(BLUR_RADIUS);
    this.gl?.setBackgroundDisabled(false);
  }
}

/** A processor for `LocalVideoTrack.setProcessor` that blurs what is behind the person. */
export function blurProcessor() {
  return new ProcessorWrapper(new OwnFilesBlur({ blurRadius: BLUR_RADIUS }), 'background-blur');
}
