import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../core/custom-element.js';
import type { PanelText } from '../../i18n/panel.js';
import { controls, tokens } from '../../ui/tokens.js';
import type { qrCode } from '../../ui/qr-code.js';

/** What the hub gives to carry a conversation on on another device. */
export interface HandoffCode {
  code: string;
  expiresAt: number;
}

/**
 * Carrying the conversation on on the shopper's phone: asks for a one-time code when shown,
 * then draws its QR code and its link (this page's address with `#ec-take=<mode>.<code>`),
 * says when it has expired and offers a new one. The QR code's drawing is a chunk of its own.
 *
 * @event ec-handoff-close - the shopper closed it.
 */
@customElement('ec-handoff')
export class HandoffCard extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: 8px;
        padding: 12px;
        border-radius: 10px;
        background: var(--_surface);
        color: var(--_text);
        text-align: center;
      }
      h3,
      p {
        margin: 0;
      }
      h3 {
        font-size: 1rem;
      }
      .qr {
        width: min(180px, 50vw);
        height: auto;
      }
      .link {
        font-size: 0.8rem;
        overflow-wrap: anywhere;
        max-width: 100%;
      }
      .actions {
        display: flex;
        gap: 8px;
      }
    `,
  ];

  @property({ attribute: false }) accessor words!: PanelText['handoff'];
  /** Asks the hub for a code; undefined when it gave none. */
  @property({ attribute: false }) accessor ask!: () => Promise<HandoffCode | undefined>;
  /** How the conversation is held here, for the other device to hold it the same way. */
  @property() accessor mode = 'chat';

  @state() private accessor code: 'asking' | 'failed' | { link: string; expiresAt: number } =
    'asking';
  @state() private accessor qr: { qrCode: typeof qrCode } | undefined;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.askCode();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.expiry);
  }

  override render() {
    const t = this.words;
    const code = this.code;
    const expired = typeof code === 'object' && Date.now() >= code.expiresAt;
    return html`<h3 id="handoff-title">${t.title}</h3>
      ${
        code === 'asking'
          ? html`<p role="status">${t.asking}</p>`
          : code === 'failed'
            ? html`<p class="problem" role="alert">${t.failed}</p>`
            : expired
              ? html`<p role="status" data-handoff="expired">${t.expired}</p>`
              : html`${this.qr?.qrCode(code.link, t.qr) ?? nothing}
                  <p>${t.how}</p>
                  <p class="link"><a href=${code.link} data-handoff="link">${code.link}</a></p>`
      }
      <div class="actions">
        <button class="secondary" @click=${() => this.dispatchEvent(new Event('ec-handoff-close'))}>
          ${t.close}
        </button>
        ${
          code === 'failed' || expired
            ? html`<button class="primary" @click=${() => void this.askCode()}>${t.again}</button>`
            : nothing
        }
      </div>`;
  }

  private async askCode(): Promise<void> {
    this.code = 'asking';
    const qr = this.qr ?? import('../../ui/qr-code.js').catch(() => undefined);
    const [answer, module] = await Promise.all([this.ask(), qr]);
    this.qr = module;
    if (!answer) {
      this.code = 'failed';
      return;
    }
    const page = new URL(location.href);
    page.hash = `ec-take=${this.mode}.${answer.code}`;
    this.code = { link: page.toString(), expiresAt: answer.expiresAt };
    clearTimeout(this.expiry);
    this.expiry = setTimeout(
      () => this.requestUpdate(),
      Math.max(0, answer.expiresAt - Date.now()),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-handoff': HandoffCard;
  }
}
