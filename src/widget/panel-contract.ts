/**
 * What the launcher and its lazily loaded panel chunk agree on. Types only: importing this
 * costs the launcher nothing at run time.
 */
import type { ConversationState } from '../core/conversation-state.js';
import type { TicketStore } from '../core/resume-ticket.js';
import type { UiLanguage } from '../i18n/language.js';
import type { ProductCard, ShopperContext, ShopWords } from '../protocol/index.js';

export interface StateChange {
  state: ConversationState;
  previous: ConversationState;
}

/**
 * `ec-open-product`, `ec-add-to-cart`, `ec-reserve`: the shopper acted on a product card the
 * expert showed; the shop's page adds it to its cart or reserves it.
 */
export interface ProductEventDetail {
  product: ProductCard;
  /** The conversation it came from, for the shop's own counts. */
  conversationId: string;
}

export interface PanelOptions {
  hub: string;
  /** The language the panel speaks, and the one the hub routes its conversation by. */
  lang: () => UiLanguage;
  context: () => ShopperContext;
  /** The customer token the page gave (`identify`), read when a conversation is requested. */
  customerToken: () => string | undefined;
  /** The topic the shopper asks about, from the `topic` attribute. */
  topic: () => string | undefined;
  /** The shop's own words for the panel, once the launcher has read them from the hub. */
  words: () => ShopWords;
  onState: (change: StateChange) => void;
  onClose: () => void;
  /** Where the conversation's resume ticket is kept between the shop's pages. */
  tickets: TicketStore;
}

/** A conversation another device hands over: its code, and how it was held there. */
export interface HandoffTake {
  code: string;
  mode: 'video' | 'audio' | 'chat';
}

export interface Panel {
  /** The panel element, to be put in the launcher's shadow root. */
  readonly element: HTMLElement;
  readonly state: ConversationState;
  /**
   * Shows the first screen (or whatever the conversation is at) and moves focus into it. With
   * `resumed`, shows the resumed conversation as it stands, even if it has already ended (a
   * resume the hub refused), instead of starting afresh.
   */
  open(resumed?: boolean): void;
  /** Leaves the queue or hangs up. */
  end(): void;
  /**
   * Carries on with the conversation this browser had on the shop's previous page, or, with
   * `take`, the one another device gave a code for.
   */
  resume(take?: HandoffTake): Promise<void>;
  /** Re-renders after a change of language or context. */
  refresh(): void;
  dispose(): void;
}

export type CreatePanel = (options: PanelOptions) => Panel;
