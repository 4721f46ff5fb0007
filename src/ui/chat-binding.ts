import { html } from 'lit';
import type { ChatChannel } from '../core/chat-channel.js';
import type { ChatWords, PhotoStatus, PhotoWords, ProductActionDetail } from './chat-view.js';

/**
 * The `<ec-chat>` of one chat channel: what both elements put in a conversation. Kept apart
 * from the element's class so that a first screen can carry this binding without the chat
 * view itself (it is defined by whoever imports `chat-view.js`).
 */
export function chatFor(
  chat: ChatChannel,
  options: {
    words: ChatWords;
    lang: string;
    /** The other side's name: shown when they type, and on their messages that carry none. */
    typingName: string;
    readOnly?: boolean;
    /**
     * The shopper acted on a product card: its link and buttons show only with this. Call
     * `preventDefault()` on the event to keep a link unfollowed.
     */
    onProduct?: (event: CustomEvent<ProductActionDetail>) => void;
    /** Where the conversation's photos are, by id (at the hub). */
    photoUrl?: (id: string) => string;
    /** Sending photos (the shopper's side): the button to send one shows only with this. */
    photos?: { words: PhotoWords; status: PhotoStatus; send: (file: File) => void };
  },
) {
  return html`<ec-chat
    .entries=${chat.log.entries}
    .words=${options.words}
    lang=${options.lang}
    typingName=${chat.otherTyping ? options.typingName : ''}
    otherName=${options.typingName}
    .open=${!options.readOnly && chat.isOpen}
    ?productActions=${!!options.onProduct}
    .photoUrl=${options.photoUrl}
    .photoWords=${options.photos?.words}
    photoStatus=${options.photos?.status ?? ''}
    @ec-chat-photo=${(event: CustomEvent<{ file: File }>) => options.photos?.send(event.detail.file)}
    @ec-product-action=${(event: CustomEvent<ProductActionDetail>) => options.onProduct?.(event)}
    @ec-chat-send=${(event: CustomEvent<{ text: string }>) => {
      if (chat.post(event.detail.text)) event.preventDefault();
    }}
    @ec-chat-retry=${(event: CustomEvent<{ clientId: string }>) =>
      chat.retry(event.detail.clientId)}
    @ec-chat-typing=${() => chat.typing()}
  ></ec-chat>`;
}
