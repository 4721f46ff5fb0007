import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { ChatEntry } from '../core/chat-log.js';
import { linkParts } from '../core/chat-links.js';
import { MAX_CHAT_LENGTH } from '../protocol/index.js';

/** The words the chat view shows, given by the element that uses it (in its language). */
export interface ChatWords {
  /** The messages' list, for screen readers ("Messages"). */
  log: string;
  you: string;
  placeholder: string;
  send: string;
  sending: string;
  sent: string;
  failed: string;
  retry: string;
  typing: (name: string) => string;
  tooLong: (over: number) => string;
  system: (event: string, name: string) => string;
  closed: string;
}

/**
 * A conversation's chat: the transcript (text only, links made plain safe links), delivery
 * state of one's own messages with a retry, the other side typing, and the box to write in.
 *
 * @event ec-chat-send - `detail: { text }`; the host answers through `refusal` if it refuses it.
 * @event ec-chat-retry - `detail: { clientId }`.
 * @event ec-chat-typing - the person is typing.
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

  @state() private accessor draft = '';
  @query('.log') private accessor list!: HTMLDivElement;
  @query('textarea') private accessor box!: HTMLTextAreaElement;

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
              : html`<li class=${entry.mine ? 'mine' : ''} data-delivery=${entry.delivery}>
                  <span class="text">${linkify(entry.text)}</span>
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
      ${
        this.open
          ? html`<form @submit=${this.submit}>
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
