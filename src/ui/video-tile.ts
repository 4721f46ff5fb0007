import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { Track } from 'livekit-client';
import { MAX_MARK_POINTS, type MarkPoints } from '../protocol/index.js';

/** How long a mark stays on the picture; it fades out over its last second. */
export const MARK_MS = 4000;
/** A stroke takes a point when the pointer moved this far, as a fraction of the frame. */
const STROKE_STEP = 0.01;

/** A point of the tile, in CSS pixels from its top left corner. */
interface TilePoint {
  x: number;
  y: number;
}

/**
 * One video: a LiveKit track attached to a `<video>`, or a placeholder text when there is none.
 *
 * Marks: points of the video's frame (fractions of its width and height, whatever the tile's
 * size, fit or mirroring) drawn over the picture where that point of the frame shows, fading
 * after a few seconds. A `markable` tile turns taps and strokes on its picture into such points.
 *
 * @fires ec-mark - a tap or a stroke on a `markable` tile's picture; `detail.points` in the frame
 * @csspart video - the video element
 * @csspart marks - the layer the marks are drawn in
 */
@customElement('ec-video-tile')
export class VideoTile extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      background: #111;
      color: #eee;
      overflow: hidden;
    }
    .frame {
      position: relative;
      width: 100%;
      height: 100%;
    }
    video {
      width: 100%;
      height: 100%;
      object-fit: cover;
      display: block;
    }
    /* One's own camera, as in a mirror: a class, never a style attribute (a strict CSP holds). */
    video.mirrored {
      transform: scaleX(-1);
    }
    video[hidden] {
      display: none;
    }
    :host([markable]) video {
      cursor: crosshair;
      touch-action: none;
    }
    .marks {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      pointer-events: none;
      overflow: visible;
    }
    .mark {
      fill: none;
      stroke-linecap: round;
      stroke-linejoin: round;
      /* As long as MARK_MS. */
      animation: mark-fade 4s ease-in forwards;
    }
    .mark .halo {
      stroke: rgb(0 0 0 / 0.55);
      stroke-width: 8px;
    }
    .mark .ink {
      stroke: #ffd60a;
      stroke-width: 4px;
    }
    .mark .dot {
      fill: #ffd60a;
      stroke: rgb(0 0 0 / 0.55);
      stroke-width: 2px;
    }
    @keyframes mark-fade {
      0%,
      75% {
        opacity: 1;
      }
      100% {
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .mark {
        animation-timing-function: steps(1, end);
      }
    }
    .placeholder {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      text-align: center;
      padding: 1em;
    }
  `;

  /** The track shown, or undefined for the placeholder. */
  @property({ attribute: false }) accessor track: Track | undefined;
  /** Shown when there is no track. */
  @property() accessor placeholder = '';
  /** Mirror the picture (for one's own camera). */
  @property({ type: Boolean }) accessor mirrored = false;
  /** Taps and strokes on the picture become marks (`ec-mark`), shown here too. */
  @property({ type: Boolean, reflect: true }) accessor markable = false;
  /** Said to screen readers for a mark on the picture. */
  @property({ attribute: false }) accessor markLabel = '';

  @query('video') private accessor video!: HTMLVideoElement;
  @state() private accessor marks: Array<{ id: number; points: MarkPoints }> = [];
  /** The stroke being drawn, in the frame. */
  private stroke: MarkPoints | undefined;
  private nextMark = 0;
  private readonly resize = new ResizeObserver(() => {
    if (this.marks.length) this.requestUpdate();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override render() {
    // The frame holds the marks' layer: the host may be positioned statically by its parent.
    return html`<div class="frame">
      <video
        part="video"
        playsinline
        autoplay
        muted
        ?hidden=${!this.track}
        class=${this.mirrored ? 'mirrored' : ''}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerCancel}
      ></video>
      ${this.track ? this.renderMarks() : html`<div class="placeholder">${this.placeholder}</div>`}
    </div>`;
  }

  /**
   * Draws `points` of the frame over the picture for {@link MARK_MS}. Nothing is drawn while the
   * picture has no size yet; a mark is redrawn where it belongs when the tile is resized.
   */
  showMark(points: MarkPoints): void {
    const id = this.nextMark++;
    this.marks = [...this.marks, { id, points }];
    setTimeout(() => (this.marks = this.marks.filter((m) => m.id !== id)), MARK_MS);
  }

  private renderMarks() {
    const box = this.frameBox();
    if (!box || this.marks.length === 0) return nothing;
    const r = Math.max(12, Math.min(box.tileWidth, box.tileHeight) * 0.06);
    return html`<svg
      class="marks"
      part="marks"
      viewBox="0 0 ${box.tileWidth} ${box.tileHeight}"
      role="img"
      aria-label=${this.markLabel}
    >
      ${this.marks.map(({ id, points }) => {
        const at = points.map((p) => this.toTile(p, box));
        if (at.length === 1) {
          const [{ x, y }] = at as [TilePoint];
          return svg`<g class="mark" data-mark=${id} data-x=${x} data-y=${y}>
            <circle class="halo" cx=${x} cy=${y} r=${r}></circle>
            <circle class="ink" cx=${x} cy=${y} r=${r}></circle>
            <circle class="dot" cx=${x} cy=${y} r="4"></circle>
          </g>`;
        }
        const line = at.map(({ x, y }) => `${x},${y}`).join(' ');
        return svg`<g class="mark" data-mark=${id}>
          <polyline class="halo" points=${line}></polyline>
          <polyline class="ink" points=${line}></polyline>
        </g>`;
      })}
    </svg>`;
  }

  /**
   * Where the frame shows in the tile: the video's size, and the rectangle its picture takes
   * once fitted (`object-fit` cover crops it, contain letterboxes it).
   */
  private frameBox():
    | { tileWidth: number; tileHeight: number; left: number; top: number; scale: number }
    | undefined {
    const video = this.video;
    const { width: tileWidth = 0, height: tileHeight = 0 } = video?.getBoundingClientRect() ?? {};
    if (!video?.videoWidth || !video.videoHeight || !tileWidth || !tileHeight) return undefined;
    const fit = getComputedStyle(video).objectFit;
    const scales = [tileWidth / video.videoWidth, tileHeight / video.videoHeight];
    const scale = fit === 'contain' ? Math.min(...scales) : Math.max(...scales);
    return {
      tileWidth,
      tileHeight,
      left: (tileWidth - video.videoWidth * scale) / 2,
      top: (tileHeight - video.videoHeight * scale) / 2,
      scale,
    };
  }

  private toTile(
    point: MarkPoints[number],
    box: NonNullable<ReturnType<VideoTile['frameBox']>>,
  ): TilePoint {
    const x = this.mirrored ? 1 - point.x : point.x;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      x: round(box.left + x * this.video.videoWidth * box.scale),
      y: round(box.top + point.y * this.video.videoHeight * box.scale),
    };
  }

  /** The point of the frame under `event`, or undefined off the picture (a letterbox bar). */
  private toFrame(event: PointerEvent): MarkPoints[number] | undefined {
    const box = this.frameBox();
    if (!box) return undefined;
    const rect = this.video.getBoundingClientRect();
    const x = (event.clientX - rect.left - box.left) / (this.video.videoWidth * box.scale);
    const y = (event.clientY - rect.top - box.top) / (this.video.videoHeight * box.scale);
    if (x < 0 || x > 1 || y < 0 || y > 1) return undefined;
    const round = (n: number) => Math.round(n * 10_000) / 10_000;
    return { x: round(this.mirrored ? 1 - x : x), y: round(y) };
  }

  private onPointerDown = (event: PointerEvent) => {
    if (!this.markable || !event.isPrimary) return;
    const point = this.toFrame(event);
    if (!point) return;
    this.stroke = [point];
    this.video.setPointerCapture?.(event.pointerId);
  };

  private onPointerMove = (event: PointerEvent) => {
    const stroke = this.stroke;
    if (!stroke || !event.isPrimary || stroke.length >= MAX_MARK_POINTS) return;
    const point = this.toFrame(event);
    const last = stroke[stroke.length - 1]!;
    if (!point || Math.hypot(point.x - last.x, point.y - last.y) < STROKE_STEP) return;
    stroke.push(point);
  };

  private onPointerUp = (event: PointerEvent) => {
    const points = this.stroke;
    this.stroke = undefined;
    if (!points || !event.isPrimary) return;
    this.showMark(points);
    this.dispatchEvent(
      new CustomEvent('ec-mark', { detail: { points }, bubbles: true, composed: true }),
    );
  };

  private onPointerCancel = () => {
    this.stroke = undefined;
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('track')) return;
    const previous = changed.get('track');
    previous?.detach(this.video);
    this.track?.attach(this.video);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.track?.detach(this.video);
  }
}

/** `ec-mark`: a tap (one point) or a stroke on a markable tile, in the frame's coordinates. */
export interface MarkDetail {
  points: MarkPoints;
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-video-tile': VideoTile;
  }
  interface HTMLElementEventMap {
    'ec-mark': CustomEvent<MarkDetail>;
  }
}
