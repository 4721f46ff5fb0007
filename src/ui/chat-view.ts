import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { ChatEntry } from '../core/chat-log.js';
import { linkParts } from '../core/chat-links.js';
import { priceText } from './price.js';
import { icon } from './icons.js';
import type { PhotoFailure } from '../core/photo-upload.js';
import type { ChatWords, PhotoWords } from '../i18n/words.js';

export type { ChatWords, PhotoWords } from '../i18n/words.js';
import {
  MAX_CHAT_LENGTH,
  type PhotoRef,
  type ProductAction,
  type ProductCard,
} from '../protocol/index.js';

/** Where sending a photo stands: nothing under way, on its way, or why it did not go. */
export type PhotoStatus = '' | 'sending' | PhotoFailure;

/** `ec-product-action`: the shopper acted on a product card (cancel it to keep a link unfollowed). */
export interface ProductActionDetail {
  product: ProductCard;
  action: ProductAction;
}

/**
 * A conversation's chat: the transcript (text only, links made plain safe links), delivery
 * state of one's own messages with a retry, the other side typing, and the box to write in.
 *
 * @event ec-chat-send - `detail: { text }`; the host answers through `refusal` if it refuses it.
 * @event ec-chat-retry - `detail: { clientId }`.
 * @event ec-chat-typing - the person is typing.
 * @event ec-chat-photo - `detail: { file }`: the person took or picked a photo to send (with
 * `photoWords`).
 * @event ec-product-action - `detail: { product, action }`: a product card's link or button
 * (with `productActions`); cancelling it keeps the link unfollowed.
 */
@customElement('ec-chat')
export class ChatView extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      gap: 8px;
    }
    /* The log grows with its host (a sheet, a panel) and scrolls; the box stays under it. */
    .log {
      flex: 1 1 auto;
      min-height: 3em;
      overflow-y: auto;
      max-height: var(--ec-chat-height, none);
      overscroll-behavior: contain;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    li {
      max-width: 85%;
      padding: 6px 10px;
      border-radius: 12px;
      background: var(--_bubble, #eef1f4);
      color: var(--_text, #1b1f24);
      align-self: flex-start;
      overflow-wrap: anywhere;
      /* Right-to-left overrides in a message stay inside it. */
      unicode-bidi: isolate;
    }
    li.mine {
      align-self: flex-end;
      background: var(--_accent, #0b5fff);
      color: var(--_on-accent, #fff);
    }
    li.mine a {
      color: inherit;
    }
    li.system {
      align-self: center;
      background: none;
      color: var(--_muted, #57606a);
      font-size: 0.85rem;
      text-align: center;
    }
    /* The message's own line breaks are kept; the template's white space is not. */
    .text {
      white-space: pre-wrap;
    }
    .meta {
      display: block;
      font-size: 0.75rem;
      color: var(--_muted, #57606a);
    }
    li.mine .meta {
      color: inherit;
    }
    .failed {
      font-weight: 600;
    }
    .typing,
    .refusal {
      font-size: 0.85rem;
      color: var(--_muted, #57606a);
      margin: 0;
    }
    .refusal {
      color: var(--_danger, #c62828);
    }
    form {
      display: flex;
      gap: 8px;
      align-items: flex-end;
    }
    textarea {
      flex: 1;
      font: inherit;
      resize: none;
      min-height: 44px;
      max-height: 120px;
      padding: 10px;
      border-radius: 10px;
      border: 1px solid var(--_line-strong, #6e7781);
      background: var(--_surface, #fff);
      color: var(--_text, #1b1f24);
    }
    textarea:focus-visible,
    button:focus-visible,
    a:focus-visible {
      outline: 3px solid var(--_accent, #0b5fff);
      outline-offset: 2px;
    }
    button {
      font: inherit;
      min-height: 44px;
      border-radius: 999px;
      border: 0;
      padding: 0 1em;
      background: var(--_accent, #0b5fff);
      color: var(--_on-accent, #fff);
      cursor: pointer;
    }
    li.card {
      width: min(100%, 320px);
      padding: 0;
      overflow: hidden;
      background: var(--_surface, #fff);
      color: var(--_text, #1b1f24);
      border: 1px solid var(--_line, #d0d7de);
      display: grid;
      grid-template-columns: 88px minmax(0, 1fr);
    }
    li.card.mine {
      background: var(--_surface, #fff);
      color: var(--_text, #1b1f24);
    }
    li.card.mine .meta {
      color: var(--_muted, #57606a);
    }
    .card img {
      width: 88px;
      height: 100%;
      min-height: 88px;
      object-fit: contain;
      background: var(--_bubble, #eef1f4);
      display: block;
    }
    .card .body {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 8px 10px;
      min-width: 0;
    }
    .card .name {
      font-weight: 600;
    }
    .card .price {
      font-variant-numeric: tabular-nums;
    }
    .card .stock {
      font-size: 0.8rem;
    }
    .card .stock.in {
      color: var(--_ok, #1a7f37);
    }
    .card .actions {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      padding: 0 10px 10px;
    }
    .card .actions a,
    .card .actions button {
      min-height: 36px;
      display: inline-flex;
      align-items: center;
      padding: 0 0.9em;
      border-radius: 999px;
      font-size: 0.9rem;
    }
    .card .actions a {
      color: var(--_accent, #0b5fff);
      border: 1px solid currentColor;
      text-decoration: none;
    }
    .card .actions button.secondary {
      background: none;
      color: var(--_accent, #0b5fff);
      border: 1px solid currentColor;
    }
    .card .actions button:disabled {
      cursor: default;
      opacity: 0.75;
    }
    li.photo {
      padding: 3px;
    }
    li.photo img {
      display: block;
      width: auto;
      height: auto;
      max-width: 100%;
      max-height: 240px;
      border-radius: 8px;
      background: var(--_surface, #fff);
    }
    li.photo .meta {
      padding: 2px 6px 0;
    }
    button.add-photo {
      flex: none;
      width: 44px;
      padding: 0;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      background: none;
      color: var(--_accent, #0b5fff);
      border: 1px solid var(--_line-strong, #6e7781);
    }
    button.add-photo:disabled {
      opacity: 0.5;
      cursor: progress;
    }
    button.retry {
      min-height: 0;
      padding: 0 0.4em;
      background: none;
      color: inherit;
      text-decoration: underline;
    }
  `;

  @property({ attribute: false }) accessor entries: ChatEntry[] = [];
  @property({ attribute: false }) accessor words!: ChatWords;
  /** BCP 47 language of the times shown. */
  @property() override accessor lang = 'en';
  /** Name of the other side when they are typing, or empty. */
  @property() accessor typingName = '';
  /** Name shown for the other side's messages that carry none (a shopper who gave no name). */
  @property() accessor otherName = '';
  /** Whether messages can be sent now. */
  @property({ type: Boolean }) accessor open = true;
  /** Product cards offer their link and buttons (the shopper's side). */
  @property({ type: Boolean }) accessor productActions = false;

  /** Where a photo of the conversation is, by its id; without it, photos show as words. */
  @property({ attribute: false }) accessor photoUrl: ((id: string) => string) | undefined;
  /** The words of sending photos: the button to send one shows only with them. */
  @property({ attribute: false }) accessor photoWords: PhotoWords | undefined;
  @property() accessor photoStatus: PhotoStatus = '';

  /** What the shopper already did with each card (`key action`), shown on its button. */
  @state() private accessor done: ReadonlySet<string> = new Set();

  @state() private accessor draft = '';
  @query('.log') private accessor list!: HTMLDivElement;
  @query('textarea') private accessor box!: HTMLTextAreaElement;
  @query('input[type=file]') private accessor picker: HTMLInputElement | null = null;

  override render() {
    const w = this.words;
    const time = new Intl.DateTimeFormat(this.lang, { hour: '2-digit', minute: '2-digit' });
    const over = this.draft.trim().length - MAX_CHAT_LENGTH;
    return html`
      <div class="log" role="log" aria-label=${w.log} tabindex="0">
        <ol>
          ${this.entries.map((entry) =>
            entry.author === 'system'
              ? html`<li class="system">${w.system(entry.text, entry.authorName)}</li>`
              : entry.product
                ? this.renderCard(entry, entry.product, time)
                : html`<li
                    class=${(entry.mine ? 'mine' : '') + (entry.photo ? ' photo' : '')}
                    data-delivery=${entry.delivery}
                  >
                    ${
                      entry.photo
                        ? this.renderPhoto(entry.photo)
                        : html`<span class="text">${linkify(entry.text)}</span>`
                    }
                    <span class="meta">
                      ${entry.mine ? w.you : entry.authorName || this.otherName} ·
                      ${time.format(entry.at)} ${entry.mine ? this.delivery(entry) : nothing}
                    </span>
                  </li>`,
          )}
        </ol>
      </div>
      ${this.typingName ? html`<p class="typing">${w.typing(this.typingName)}</p>` : nothing}
      ${over > 0 ? html`<p class="refusal" role="alert">${w.tooLong(over)}</p>` : nothing}
      ${this.renderPhotoStatus()}
      ${
        this.open
          ? html`<form @submit=${this.submit}>
              ${this.photoWords ? this.renderAddPhoto(this.photoWords) : nothing}
              <textarea
                rows="1"
                aria-label=${w.placeholder}
                placeholder=${w.placeholder}
                .value=${this.draft}
                @input=${this.input}
                @keydown=${this.keydown}
              ></textarea>
              <button type="submit" ?disabled=${over > 0}>${w.send}</button>
            </form>`
          : html`<p class="typing">${w.closed}</p>`
      }
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('entries') && this.list) this.list.scrollTop = this.list.scrollHeight;
  }

  /** A product the expert showed: picture, name, price, stock, and on the shopper's side what to do. */
  private renderCard(entry: ChatEntry, product: ProductCard, time: Intl.DateTimeFormat) {
    const w = this.words.product;
    const price = product.price ? priceText(product.price, this.lang) : '';
    const stock = product.availability;
    const did = (action: ProductAction) => this.done.has(`${entry.key} ${action}`);
    return html`<li class=${entry.mine ? 'card mine' : 'card'} data-product=${product.id}>
      ${
        product.image
          ? html`<img src=${product.image} alt="" loading="lazy" referrerpolicy="no-referrer" />`
          : html`<span></span>`
      }
      <div class="body">
        <span class="name">${product.name}</span>
        ${price ? html`<span class="price">${price}</span>` : nothing}
        ${
          stock
            ? html`<span class=${stock.inStock ? 'stock in' : 'stock out'}
                >${stock.inStock ? w.inStock(stock.store) : w.outOfStock(stock.store)}</span
              >`
            : nothing
        }
        <span class="meta">${entry.authorName || this.otherName} · ${time.format(entry.at)}</span>
      </div>
      ${
        this.productActions
          ? html`<div class="actions">
              ${
                product.url
                  ? html`<a
                      href=${product.url}
                      data-action="open"
                      @click=${(event: Event) => {
                        if (!this.act(entry, product, 'open')) event.preventDefault();
                      }}
                      >${w.open}</a
                    >`
                  : nothing
              }
              <button
                type="button"
                data-action="add-to-cart"
                ?disabled=${did('add-to-cart')}
                @click=${() => this.act(entry, product, 'add-to-cart')}
              >
                ${did('add-to-cart') ? w.added : w.addToCart}
              </button>
              ${
                stock?.inStock
                  ? html`<button
                      type="button"
                      class="secondary"
                      data-action="reserve"
                      ?disabled=${did('reserve')}
                      @click=${() => this.act(entry, product, 'reserve')}
                    >
                      ${did('reserve') ? w.reserved : w.reserve}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </li>`;
  }

  /** Tells the host; false when it cancelled (a link is then not followed). */
  private act(entry: ChatEntry, product: ProductCard, action: ProductAction): boolean {
    const detail: ProductActionDetail = { product, action };
    const taken = this.fire('ec-product-action', detail);
    if (action !== 'open') this.done = new Set([...this.done, `${entry.key} ${action}`]);
    return taken;
  }

  /** A photo at its own proportions; a tap opens it full size. */
  private renderPhoto(photo: PhotoRef) {
    const url = this.photoUrl?.(photo.id);
    if (!url) return html`<span class="text">${this.words.photo}</span>`;
    return html`<a href=${url} target="_blank" rel="noopener noreferrer"
      ><img
        src=${url}
        alt=${this.words.photo}
        width=${photo.width}
        height=${photo.height}
        loading="lazy"
        referrerpolicy="no-referrer"
        @load=${this.photoLoaded}
    /></a>`;
  }

  /** A photo that loaded grew the log: one who was reading its end still sees the end. */
  private photoLoaded = (event: Event) => {
    const list = this.list;
    const grown = (event.target as HTMLImageElement).height;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - grown - 48) {
      list.scrollTop = list.scrollHeight;
    }
  };

  private renderAddPhoto(words: PhotoWords) {
    return html`<button
        type="button"
        class="add-photo"
        aria-label=${words.add}
        title=${words.add}
        ?disabled=${this.photoStatus === 'sending'}
        @click=${() => this.picker?.click()}
      >
        ${icon('photo')}
      </button>
      <input
        type="file"
        accept="image/*"
        hidden
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          const file = input.files?.[0];
          // Emptied, so that the same photo can be picked again after a refusal.
          input.value = '';
          if (file) this.fire('ec-chat-photo', { file });
        }}
      />`;
  }

  private renderPhotoStatus() {
    const words = this.photoWords;
    if (!words || !this.photoStatus) return nothing;
    return this.photoStatus === 'sending'
      ? html`<p class="typing" role="status">${words.sending}</p>`
      : html`<p class="refusal" role="alert">${words.refused[this.photoStatus]}</p>`;
  }

  private delivery(entry: ChatEntry) {
    const w = this.words;
    if (entry.delivery === 'sending') return html` · ${w.sending}`;
    if (entry.delivery === 'sent') return html` · ${w.sent}`;
    return html` ·
      <span class="failed">${w.failed}</span>
      <button
        class="retry"
        @click=${() => this.fire('ec-chat-retry', { clientId: entry.clientId })}
      >
        ${w.retry}
      </button>`;
  }

  private input(event: InputEvent) {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.fire('ec-chat-typing', {});
  }

  private keydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    }
  }

  private submit = (event?: Event) => {
    event?.preventDefault();
    const text = this.draft;
    if (!text.trim() || text.trim().length > MAX_CHAT_LENGTH) return;
    const accepted = this.fire('ec-chat-send', { text });
    // Nothing typed is lost: the box is emptied only when the host took the message.
    if (accepted) {
      this.draft = '';
      this.box.value = '';
    }
  };

  /** Dispatches a cancelable event; the host calls preventDefault() to refuse. */
  private fire(type: string, detail: object): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }
}

/** Text with its http(s) links as links; everything else stays text (never HTML). */
function linkify(text: string) {
  return linkParts(text).map((part) =>
    part.kind === 'text'
      ? part.text
      : html`<a href=${part.href} target="_blank" rel="noopener noreferrer nofollow"
          >${part.href}</a
        >`,
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-chat': ChatView;
  }
}
