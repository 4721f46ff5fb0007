import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Follows the visual viewport (what is left of the screen when a phone's keyboard is open, or
 * when the page is zoomed) and hands it to the host's CSS as `--_vv-height` and `--_vv-top`.
 *
 * The values go into a constructed style sheet adopted by the host's shadow root, not into a
 * `style` attribute: a shop's strict `style-src` stays unbroken.
 */
export class VisualViewportController implements ReactiveController {
  private readonly sheet = new CSSStyleSheet();
  private frame = 0;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const viewport = window.visualViewport;
    if (!viewport) return;
    viewport.addEventListener('resize', this.schedule);
    viewport.addEventListener('scroll', this.schedule);
    this.measure();
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(this.sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    }
  }

  hostDisconnected(): void {
    const viewport = window.visualViewport;
    viewport?.removeEventListener('resize', this.schedule);
    viewport?.removeEventListener('scroll', this.schedule);
    cancelAnimationFrame(this.frame);
  }

  private schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.measure());
  };

  private measure(): void {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const height = Math.round(viewport.height);
    const top = Math.round(viewport.offsetTop);
    this.sheet.replaceSync(`:host { --_vv-height: ${height}px; --_vv-top: ${top}px; }`);
  }
}
