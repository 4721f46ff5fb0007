/**
 * The shapes of the word sets the elements' parts show (the chat, the screen share, the
 * product search): each catalogue fills them in its language, each part takes them as given.
 */

/** Why a photo did not go (core/photo-upload.ts's PhotoFailure, which the compiler holds to this). */
export type PhotoRefusal = 'not-a-photo' | 'too-large' | 'too-many' | 'not-open' | 'failed';

/** Sharing one's screen in a call. */
export interface ScreenWords {
  share: string;
  stop: string;
  sharing: string;
  failed: string;
}

/** Blurring one's background in a call. */
export interface BlurWords {
  /** The control's name; it is a toggle, pressed while the blur is on. */
  button: string;
  starting: string;
  failed: string;
}

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
  /** A photo in the conversation, for those who cannot see it ("Photo"). */
  photo: string;
  /** A product card's words. */
  product: {
    open: string;
    addToCart: string;
    reserve: string;
    /** Once the shopper added it: the shop's page has it. */
    added: string;
    reserved: string;
    inStock: (store: string) => string;
    outOfStock: (store: string) => string;
  };
}

/** The words of sending a photo (the shopper's side). */
export interface PhotoWords {
  /** The button that takes a photo or picks one ("Send a photo"). */
  add: string;
  sending: string;
  /** Why a photo did not go. */
  refused: Record<PhotoRefusal, string>;
}

/** The words of the console's product search, in the console's language. */
export interface ProductSearchWords {
  title: string;
  /** The search box's label. */
  label: string;
  placeholder: string;
  find: string;
  searching: string;
  none: (query: string) => string;
  noCatalogue: string;
  /** A found product's button: it goes to the shopper as a card. */
  show: string;
  /** The same button, read aloud with the product's name. */
  showLabel: (name: string) => string;
  inStock: (store: string) => string;
  outOfStock: (store: string) => string;
}
