import { html } from 'lit';
import type { ChatChannel } from '../core/chat-channel.js';
import type { ChatWords } from './chat-view.js';

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
  },
) {
  return html`<ec-chat
    .entries=${chat.log.entries}
    .words=${options.words}
    lang=${options.lang}
    typingName=${chat.otherTyping ? options.typingName : ''}
    otherName=${options.typingName}
    .open=${!options.readOnly && chat.isOpen}
    @ec-chat-send=${(event: CustomEvent<{ text: string }>) => {
      if (chat.post(event.detail.text)) event.preventDefault();
    }}
    @ec-chat-retry=${(event: CustomEvent<{ clientId: string }>) =>
      chat.retry(event.detail.clientId)}
    @ec-chat-typing=${() => chat.typing()}
  ></ec-chat>`;
}
