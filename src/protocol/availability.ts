/**
 * What the hub's `GET /availability?topic=…&lang=…` answers: the launcher reads it before any
 * click, to show whether someone can answer now, in the shop's own words.
 */

export type Readiness = 'free' | 'busy' | 'none';

/** The few words a shop may set in its config (`texts`), in the language asked for. */
export interface ShopWords {
  /** The panel's heading. */
  panelTitle?: string;
  /** The panel's first paragraph. */
  panelIntro?: string;
  /** Shown when the shop is closed, above the message, callback and appointment choices. */
  closedMessage?: string;
}

export interface Availability {
  /** Open now (the shop, or the topic asked about). */
  open: boolean;
  /** When it opens next, if closed and within two weeks: epoch ms. */
  opensAt?: number;
  /** `free`: an expert can take it now; `busy`: experts are on duty, with a wait; `none`. */
  call: Readiness;
  chat: Readiness;
  texts: ShopWords;
}
