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

/**
 * The share of the page's main thread the blur may take. Blurring a frame is synchronous work
 * on the main thread (segmentation and drawing: a few milliseconds with a GPU, a hundred or more
 * where WebGL runs on the CPU), and the camera gives frames faster than a slow machine blurs
 * them: blurring every one would leave the page no time to answer a tap.
 */
const MAIN_THREAD_SHARE = 0.5;

function mediaPipeError(text: string): void {
  if (/^[EF]\d{4} /.test(text)) console.warn(`expert-call: background blur: ${text}`);
}

/** LiveKit's background transformer, with its files taken from our build, not from a CDN. */
class OwnFilesBlur extends BackgroundTransformer {
  /** Until when frames are dropped, so that the last one's cost is paid back (performance.now). */
  private restUntil = 0;

  /**
   * Blurs the frame, or drops it while the page is owed the time the last one took: the video's
   * rate falls on a slow machine, the page stays responsive, and no frame goes out unblurred.
   */
  override async transform(
    frame: VideoFrame,
    controller: TransformStreamDefaultController<VideoFrame>,
  ): Promise<void> {
    const start = performance.now();
    if (start < this.restUntil) {
      frame.close();
      return;
    }
    // The first frame waits to be shown before it is blurred: a wait, not work.
    const first = this.isFirstFrame;
    await super.transform(frame, controller);
    if (first) return;
    const end = performance.now();
    this.restUntil = end + ((end - start) * (1 - MAIN_THREAD_SHARE)) / MAIN_THREAD_SHARE;
  }

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
