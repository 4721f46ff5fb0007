/**
 * Every message between a browser (the shopper's widget or the expert's console) and the hub.
 *
 * One schema per message: the TypeScript types are inferred from it, the hub validates every
 * frame it receives against it, and the browser validates what the hub sends. A new message is
 * one edit here, and the compiler then finds every `switch` that must handle it.
 */
import * as v from 'valibot';

/** Version of this protocol; bumped on any incompatible change. */
export const PROTOCOL_VERSION = 1;

/** Largest frame the hub reads as a message; a larger one is answered with `too-large`. */
export const MAX_FRAME_BYTES = 16 * 1024;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** Longest chat message, in characters. */
export const MAX_CHAT_LENGTH = 2000;

/**
 * What a person typed, made safe to store and show as text: lone UTF-16 surrogates become
 * U+FFFD and control characters other than tab and newline are dropped (PostgreSQL cannot
 * store NUL, and nobody means to send the others). Markup stays as typed: it is data, and
 * the views render it as text.
 */
export function cleanText(raw: string): string {
  const wellFormed = raw.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  // eslint-disable-next-line no-control-regex
  return wellFormed.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

const chatText = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.trim(),
  v.minLength(1, 'A message cannot be empty.'),
  v.maxLength(MAX_CHAT_LENGTH, `A message is at most ${MAX_CHAT_LENGTH} characters.`),
);

/** A message id made by the sender, so that a resend is recognised. */
export const ClientMessageId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/));
const sequence = v.pipe(v.number(), v.integer(), v.minValue(0));
const nonEmptyText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** Ids made by the hub (conversations) are UUIDs; we accept any short token-like string. */
export const ConversationId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

/**
 * Page text that always fits: cleaned ({@link cleanText}), then cut to `max` UTF-16 units at a
 * character boundary, never between the two halves of an emoji.
 */
export function fitText(raw: string, max: number): string {
  const cut = cleanText(raw).slice(0, max);
  // A clean text has no lone half of a pair: one at the end is a first half the cut parted.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The longest of each page field the expert is shown; longer ones are cut (`fitContext`). */
export const CONTEXT_LIMITS = {
  pageUrl: 2048,
  pageTitle: 300,
  product: { id: 200, name: 300, price: 50, url: 2048, imageUrl: 2048 },
} as const;

/** A page field: any string, fitted to its limit, so that no page is refused for its title. */
const fitted = (max: number) =>
  v.pipe(
    v.string(),
    v.transform((raw) => fitText(raw, max)),
  );

/** What the shopper shares with the expert: where they are on the shop and what they look at. */
export const ShopperContext = v.object({
  pageUrl: v.optional(fitted(CONTEXT_LIMITS.pageUrl)),
  pageTitle: v.optional(fitted(CONTEXT_LIMITS.pageTitle)),
  product: v.optional(
    v.object({
      id: v.optional(fitted(CONTEXT_LIMITS.product.id)),
      name: v.optional(fitted(CONTEXT_LIMITS.product.name)),
      price: v.optional(fitted(CONTEXT_LIMITS.product.price)),
      url: v.optional(fitted(CONTEXT_LIMITS.product.url)),
      imageUrl: v.optional(fitted(CONTEXT_LIMITS.product.imageUrl)),
    }),
  ),
});
export type ShopperContext = v.InferOutput<typeof ShopperContext>;

/**
 * `video`: the shopper sees the expert and may turn their own camera on. `audio`: voice only.
 * `chat`: written only (chosen, or the only way when the browser cannot do video).
 */
export const CallMode = v.picklist(['video', 'audio', 'chat']);
export type CallMode = v.InferOutput<typeof CallMode>;

/** The languages conversations are routed by: a queue per topic and language. */
export const Language = v.picklist(['en', 'fr', 'de', 'es', 'it']);
export type Language = v.InferOutput<typeof Language>;

/** A topic of the shop (`bikes`, `hi-fi`, `repair`): a queue of its own, answered by its experts. */
export const TOPIC_ID = /^[a-z0-9-]{1,40}$/;
export const Topic = v.pipe(v.string(), v.regex(TOPIC_ID));

/** What a browser needs to join one LiveKit room: a URL and a token scoped to that room. */
export const MediaGrant = v.object({
  url: text(2048),
  token: text(4096),
  room: text(128),
  /**
   * The other side's identity in the room: the only participant shown and heard. Anyone else
   * the media server lets in (a recorder, an agent) is neither.
   */
  peer: text(200),
});
export type MediaGrant = v.InferOutput<typeof MediaGrant>;

export const ExpertProfile = v.object({ id: text(128), name: text(100) });
export type ExpertProfile = v.InferOutput<typeof ExpertProfile>;

/** Why a conversation ended, as both sides are told. */
export const EndReason = v.picklist([
  'shopper-hung-up',
  'expert-hung-up',
  'shopper-left',
  'expert-left',
  'shopper-cancelled',
]);
export type EndReason = v.InferOutput<typeof EndReason>;

/** Why a ring stopped without being accepted. */
export const RingEndReason = v.picklist(['declined', 'timeout', 'shopper-cancelled']);
export type RingEndReason = v.InferOutput<typeof RingEndReason>;

/** What the expert chose: rung for new shoppers, or not. Conversations they hold go on either way. */
export const ExpertStatus = v.picklist(['available', 'away']);
export type ExpertStatus = v.InferOutput<typeof ExpertStatus>;

/** Reasons of an `error` frame: a closed set the browser can switch on. */
export const ErrorReason = v.picklist([
  'bad-json',
  'too-large',
  'unknown-type',
  'invalid-message',
  'wrong-state',
  'unauthorized',
  /** Over a limit (transport/limits.ts): not handled; slow down, try again later. */
  'rate-limited',
  'internal',
]);
export type ErrorReason = v.InferOutput<typeof ErrorReason>;

const message = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.strictObject({ type: v.literal(type), ...entries });

/**
 * Longest customer token the hub reads, in characters: a signed JWT with a few claims is well
 * under 1 000. A longer one is not refused with its frame (the conversation must go on) but cut
 * to one character over the bound, which the hub then takes as a token too long to verify.
 */
export const MAX_CUSTOMER_TOKEN = 4096;

/**
 * The token a shop's server signed for a logged-in customer (README, "Identify a logged-in
 * customer"): opaque to the browser, verified by the hub. Never shown, never trusted as is.
 */
const customerToken = v.pipe(
  v.string(),
  v.transform((raw) => raw.slice(0, MAX_CUSTOMER_TOKEN + 1)),
);

/**
 * A customer the shop's server vouched for with a token the hub verified: the shop's id for
 * them (`sub`), their name, and their email when the token gave one. Unlike a name typed in the
 * page, the expert may rely on it.
 */
export const VerifiedCustomer = v.object({
  id: text(128),
  name: text(100),
  email: v.optional(text(254)),
});
export type VerifiedCustomer = v.InferOutput<typeof VerifiedCustomer>;

// ---------------------------------------------------------------------------------------------
// Browser → hub

/** Shopper: "put me through to an expert". */
export const ShopperRequest = message('shopper.request', {
  mode: CallMode,
  lang: Language,
  displayName: v.optional(v.pipe(v.string(), v.transform(cleanText), v.trim(), v.maxLength(80))),
  context: ShopperContext,
  /** The queue to wait in; absent: any expert. */
  topic: v.optional(Topic),
  /**
   * The page's `ExpertCall('identify', token)`: who the shop's server says this shopper is. A
   * token the hub cannot verify leaves the shopper unidentified; the conversation goes on.
   */
  customerToken: v.optional(customerToken),
});
/** Shopper: leave the queue (before an expert has accepted). */
export const ShopperCancel = message('shopper.cancel', {});
/** Expert, demo only: "sign me in as this name"; answered by `expert.session` when the hub allows it. */
export const ExpertDevLogin = message('expert.dev-login', { name: nonEmptyText(100) });
/** Expert: authenticate this connection with a signed session (from dev login or the shop's back office). */
export const ExpertAuth = message('expert.auth', {
  session: text(4096),
  /** The topics this expert answers; absent or empty: every topic. */
  topics: v.optional(v.pipe(v.array(Topic), v.maxLength(50))),
  /** The languages this expert speaks; absent: every language. */
  languages: v.optional(v.pipe(v.array(Language), v.minLength(1))),
});
export const ExpertSetPresence = message('expert.set-presence', { status: ExpertStatus });
export const ExpertAccept = message('expert.accept', { conversationId: ConversationId });
export const ExpertDecline = message('expert.decline', { conversationId: ConversationId });
/** Either side: hang up. */
export const CallEnd = message('call.end', { conversationId: ConversationId });
/** Shopper, after a lost connection or a page change: carry on with this conversation. */
export const ConversationResume = message('conversation.resume', {
  conversationId: ConversationId,
  resumeToken: text(128),
  /** The last message sequence this browser has; the hub sends what came after. */
  lastSeq: sequence,
});
/** A one-time code that moves a conversation to the shopper's other device: 128 random bits. */
export const HandoffCode = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/, 'A handoff code.'));
/**
 * Shopper: give me a code to carry on this conversation on another device (answered by
 * `shopper.handoff-code`).
 */
export const ShopperHandoff = message('shopper.handoff', { conversationId: ConversationId });
/**
 * Shopper, on the other device: carry on the conversation this code was given for. Answered as
 * a resume is; the first device is told `conversation.moved`.
 */
export const ConversationTake = message('conversation.take', { code: HandoffCode });
/** Either side: a chat message. Stored, then sent to both sides with its sequence number. */
export const ChatSend = message('chat.send', {
  conversationId: ConversationId,
  clientId: ClientMessageId,
  text: chatText,
});
/** A photo's id at the hub: 128 random bits, base64url; whoever has it may see the photo. */
export const PhotoId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/, 'A photo id.'));
/**
 * Shopper: I am about to send a photo; answered by `photo.ticket`, with which the browser
 * sends the photo's bytes by HTTP (`POST /photos`), then `chat.photo` with the id it got.
 */
export const PhotoPrepare = message('photo.prepare', { conversationId: ConversationId });
/** Shopper: show this photo, sent by HTTP with a ticket, in the conversation. */
export const ChatPhoto = message('chat.photo', {
  conversationId: ConversationId,
  clientId: ClientMessageId,
  photoId: PhotoId,
});
/** Either side: send me the messages after `lastSeq` (after a reconnect). */
export const ChatSync = message('chat.sync', { conversationId: ConversationId, lastSeq: sequence });
/** Either side: my media connection is lost and did not come back: carry on in chat. */
export const MediaLost = message('media.lost', { conversationId: ConversationId });
/** Either side: carry on in chat only, or bring video and voice back. */
export const MediaSwitch = message('media.switch', {
  conversationId: ConversationId,
  to: v.picklist(['chat', 'call']),
});
/** Either side: I am typing. */
export const ChatTyping = message('chat.typing', { conversationId: ConversationId });

/** Most points in one mark the expert puts on the shopper's picture: a tap is one, a stroke more. */
export const MAX_MARK_POINTS = 64;
/** A point of a video frame, as fractions of its width and height from its top left corner. */
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const MarkPoints = v.pipe(
  v.array(v.object({ x: fraction, y: fraction })),
  v.minLength(1, 'A mark has at least one point.'),
  v.maxLength(MAX_MARK_POINTS, `A mark has at most ${MAX_MARK_POINTS} points.`),
);
export type MarkPoints = v.InferOutput<typeof MarkPoints>;
/**
 * Expert: a tap (one point) or a stroke on the shopper's camera picture, in the frame's own
 * coordinates (not the console's letterboxed view), to show them where. Passed on, not stored.
 */
export const ExpertMark = message('expert.mark', {
  conversationId: ConversationId,
  points: MarkPoints,
});

// When nobody can answer now: a message, a callback request, an appointment. Any connection
// may send these; each is answered by `offline.confirmed` or `offline.rejected`.
const instant = v.pipe(v.number(), v.integer(), v.minValue(0));
const offlineRequest = {
  topic: v.optional(Topic),
  lang: Language,
  name: v.optional(v.pipe(v.string(), v.transform(cleanText), v.trim(), v.maxLength(100))),
  context: ShopperContext,
};
/** Shopper: the appointment slots free for a topic (answered by `offline.slots`). */
export const OfflineSlotsQuery = message('offline.slots', { topic: v.optional(Topic) });
export const OfflineMessage = message('offline.message', {
  ...offlineRequest,
  /** An email address or a phone number. */
  contact: text(200),
  text: text(MAX_CHAT_LENGTH * 2),
});
export const OfflineCallback = message('offline.callback', {
  ...offlineRequest,
  phone: text(40),
  /** When the shopper can take the call: epoch ms, `from` included, `to` excluded. */
  from: instant,
  to: instant,
  text: v.optional(text(MAX_CHAT_LENGTH * 2)),
});
export const OfflineBook = message('offline.book', {
  ...offlineRequest,
  contact: text(200),
  /** The start of one of the slots `offline.slots` gave. */
  start: instant,
  text: v.optional(text(MAX_CHAT_LENGTH * 2)),
});
/** Expert: a request has been dealt with. */
export const ExpertRequestDone = message('expert.request-done', { id: ConversationId });

// Products: the expert finds one in the shop's catalogue and shows it to the shopper as a card
// in the conversation; what the shopper does with it is counted for the shop.

/** An image's address: http(s), or a small image written into the feed itself (`data:image/…`). */
const imageUrl = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.regex(
    /^(https?:\/\/|data:image\/(png|jpeg|webp|gif|svg\+xml)[;,])/i,
    'An http(s) or data:image/ URL.',
  ),
);
/**
 * A product page: http(s), or a path on the shop's own site (`/bikes/lumen-e3`). Not `//host`
 * nor `/\\host`, which a browser reads as another site (it takes `\\` for `/` in web URLs).
 */
const pageUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.regex(/^(https?:\/\/|\/(?![/\\]))/i, 'An http(s) URL or a path starting with one /.'),
);
/** A product of the shop's catalogue, as its feed gives it and as the shopper's card shows it. */
export const ProductCard = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  url: v.optional(pageUrl),
  image: v.optional(imageUrl),
  price: v.optional(
    v.object({
      amount: v.pipe(v.number(), v.finite(), v.minValue(0)),
      /** ISO 4217: `EUR`. */
      currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'A currency code: EUR.')),
    }),
  ),
  /** Whether the product is in stock in the shopper's store, when the feed says. */
  availability: v.optional(
    v.object({ store: v.pipe(v.string(), v.maxLength(100)), inStock: v.boolean() }),
  ),
});
export type ProductCard = v.InferOutput<typeof ProductCard>;
/** Most products one search answers with. */
export const MAX_PRODUCTS_FOUND = 8;
/** Expert: the products of the shop's catalogue whose name or id has every word of `query`. */
export const ExpertFindProducts = message('expert.find-products', {
  query: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
});
/** Expert: show this product of the catalogue to the shopper, as a card in the conversation. */
export const ExpertShowProduct = message('expert.show-product', {
  conversationId: ConversationId,
  clientId: ClientMessageId,
  productId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});
/** What a shopper can do with a product card; each is stored for the shop's counts. */
export const ProductAction = v.picklist(['open', 'add-to-cart', 'reserve']);
export type ProductAction = v.InferOutput<typeof ProductAction>;
/** Shopper: I opened, added to my cart, or reserved the product of a card shown to me. */
export const ShopperProductAction = message('shopper.product-action', {
  conversationId: ConversationId,
  productId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  action: ProductAction,
});

/** Longest comment of a rating, in characters. */
export const MAX_RATING_COMMENT = 500;
/** A rating: 1 to 5 stars. */
export const Stars = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5));
const ratingComment = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.trim(),
  v.maxLength(MAX_RATING_COMMENT, `A comment is at most ${MAX_RATING_COMMENT} characters.`),
);
/**
 * Shopper, on the end screen of a conversation an expert joined: how it went. Once per
 * conversation, from the connection that had it; answered by `shopper.rated`.
 */
export const ShopperRate = message('shopper.rate', {
  conversationId: ConversationId,
  stars: Stars,
  /** Left out, or empty once trimmed: no comment. */
  comment: v.optional(ratingComment),
});

export const ClientMessage = v.variant('type', [
  ShopperRequest,
  ShopperCancel,
  ExpertDevLogin,
  ExpertAuth,
  ExpertSetPresence,
  ExpertAccept,
  ExpertDecline,
  CallEnd,
  ConversationResume,
  ChatSend,
  ShopperHandoff,
  ConversationTake,
  ChatPhoto,
  PhotoPrepare,
  ChatSync,
  ChatTyping,
  ExpertMark,
  MediaLost,
  MediaSwitch,
  OfflineSlotsQuery,
  OfflineMessage,
  OfflineCallback,
  OfflineBook,
  ExpertRequestDone,
  ShopperRate,
  ExpertFindProducts,
  ExpertShowProduct,
  ShopperProductAction,
]);
export type ClientMessage = v.InferOutput<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];

// ---------------------------------------------------------------------------------------------
// Hub → browser

export const ErrorMessage = message('error', {
  reason: ErrorReason,
  message: text(500),
  /** The `type` of the message that caused it, when it could be read. */
  ref: v.optional(text(64)),
});
/** Shopper: you are waiting; `position` 1 is next. */
export const ShopperQueued = message('shopper.queued', {
  conversationId: ConversationId,
  position: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Estimated wait, rounded up to half minutes; absent when nobody answers this queue now. */
  etaSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
/** Shopper: an expert is being rung; join the room now (publish nothing) so accept is instant. */
export const ShopperConnecting = message('shopper.connecting', {
  conversationId: ConversationId,
  /** Absent for a conversation in chat only. */
  media: v.optional(MediaGrant),
});
/** Expert: signed in. */
export const ExpertSession = message('expert.session', {
  session: text(4096),
  expert: ExpertProfile,
});
export const ExpertReady = message('expert.ready', {
  expert: ExpertProfile,
  status: ExpertStatus,
  /** After a reconnect: the conversations the expert still holds; the hub re-sends each. */
  conversations: v.optional(v.array(ConversationId)),
});
export const ExpertPresence = message('expert.presence', { status: ExpertStatus });
/** Expert: a shopper is ringing; join the room now (publish nothing), publish on accept. */
export const ExpertRing = message('expert.ring', {
  conversationId: ConversationId,
  mode: CallMode,
  lang: Language,
  shopper: v.object({
    /** What the shopper typed as their name, if anything: unverified. */
    displayName: v.optional(text(80)),
    /** Who the shop's server says the shopper is, verified by the hub. */
    customer: v.optional(VerifiedCustomer),
    context: ShopperContext,
  }),
  /** Absent when the conversation is in chat only (back after video gave way). */
  media: v.optional(MediaGrant),
  ringTimeoutMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export const ExpertRingEnded = message('expert.ring-ended', {
  conversationId: ConversationId,
  reason: RingEndReason,
});
/** Both sides: the expert accepted; the call is live. */
export const CallLive = message('call.live', {
  conversationId: ConversationId,
  mode: CallMode,
  expert: ExpertProfile,
});
export const CallEnded = message('call.ended', {
  conversationId: ConversationId,
  reason: EndReason,
});
/** Shopper: your conversation exists; keep this token to resume it after a lost connection. */
export const ConversationOpened = message('conversation.opened', {
  conversationId: ConversationId,
  resumeToken: text(128),
});
export const Author = v.picklist(['shopper', 'expert', 'system']);
export type Author = v.InferOutput<typeof Author>;
/** What a system line says: an event, shown in each reader's language. */
export const SystemEvent = v.picklist([
  'expert-joined',
  'call-ended',
  'media-lost',
  'media-unavailable',
  'switched-to-chat',
  'switched-to-call',
  /** Video could not come back: the expert is in another call. */
  'expert-in-other-call',
]);
export type SystemEvent = v.InferOutput<typeof SystemEvent>;
/** A photo a transcript line shows: what it is and its size, to lay it out before it loads. */
export const PhotoRef = v.object({
  id: PhotoId,
  type: v.picklist(['image/jpeg', 'image/png']),
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type PhotoRef = v.InferOutput<typeof PhotoRef>;
/** Both sides: a stored message of the transcript, in sequence order. */
export const ChatMessage = message('chat.message', {
  conversationId: ConversationId,
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** The sender's id for it: the sender's browser recognises its own message as sent. */
  clientId: v.nullable(text(64)),
  author: Author,
  authorName: text(100),
  /** For `system` lines, a SystemEvent; for a product card, the product's name. */
  text: text(MAX_CHAT_LENGTH * 2),
  /** A product the expert showed: the message is its card. */
  product: v.optional(ProductCard),
  /** A photo its author sent, at the hub's `photos/<id>`; its size lets the page keep room. */
  photo: v.optional(PhotoRef),
  // Finite: JSON has no Infinity, so `1e999` read as one could not be sent on again.
  at: v.pipe(v.number(), v.finite()),
});
/**
 * Why a conversation is in chat only: chosen by the shopper, media lost in the call, or media
 * unavailable from the start (the media server could not be reached).
 */
export const ChatReason = v.picklist(['chosen', 'media-lost', 'media-unavailable']);
export type ChatReason = v.InferOutput<typeof ChatReason>;
/** Both sides: the conversation is (now) in chat only, and why. */
export const ConversationChat = message('conversation.chat', {
  conversationId: ConversationId,
  reason: ChatReason,
  expert: ExpertProfile,
});
export const ChatTypingNotice = message('chat.typing', {
  conversationId: ConversationId,
  author: Author,
});

/**
 * Shopper: nobody can answer now, and why: the shop (or this topic) is `closed` until
 * `opensAt` (absent: not within two weeks), or nobody answered in the shop's maximum wait
 * (`no-answer`; the shopper keeps their place). Offer a message, a callback, an appointment.
 */
export const ShopperOffline = message('shopper.offline', {
  reason: v.picklist(['closed', 'no-answer']),
  opensAt: v.optional(instant),
});
export const Slot = v.object({ start: instant, end: instant });
export type Slot = v.InferOutput<typeof Slot>;
export const OfflineSlots = message('offline.slots', {
  topic: v.optional(Topic),
  slots: v.pipe(v.array(Slot), v.maxLength(500)),
});
export const OfflineKind = v.picklist(['message', 'callback', 'appointment']);
export type OfflineKind = v.InferOutput<typeof OfflineKind>;
/** Shopper: the request is stored; what was recorded, to confirm it in words. */
export const OfflineConfirmed = message('offline.confirmed', {
  kind: OfflineKind,
  id: ConversationId,
  /** The window of a callback, or the slot of an appointment. */
  from: v.optional(instant),
  to: v.optional(instant),
});
/** Why a request was refused, and the field at fault: the panel says it beside that field. */
export const OfflineProblem = v.picklist([
  'invalid-phone',
  'invalid-contact',
  'text-empty',
  'too-long',
  'window-empty',
  'window-in-past',
  'window-too-far',
  'window-closed',
  'slot-unavailable',
  'slot-taken',
  'not-found',
]);
export type OfflineProblem = v.InferOutput<typeof OfflineProblem>;
export const OfflineRejected = message('offline.rejected', {
  kind: OfflineKind,
  problem: OfflineProblem,
  field: v.optional(text(40)),
});
/** A request as the console lists it. */
export const OfflineRequest = v.object({
  id: ConversationId,
  kind: OfflineKind,
  topic: v.nullable(text(40)),
  lang: Language,
  name: v.nullable(text(100)),
  contact: v.nullable(text(200)),
  phone: v.nullable(text(40)),
  text: v.nullable(text(MAX_CHAT_LENGTH * 2)),
  from: v.nullable(instant),
  to: v.nullable(instant),
  context: ShopperContext,
  status: v.picklist(['to-do', 'done', 'cancelled']),
  createdAt: instant,
});
export type OfflineRequest = v.InferOutput<typeof OfflineRequest>;
/** Expert: the shop's requests, to do first; sent on sign-in and whenever one changes. */
export const ExpertRequests = message('expert.requests', {
  requests: v.pipe(v.array(OfflineRequest), v.maxLength(500)),
});
/** One queue an expert answers that has shoppers waiting in it. */
export const QueueSummary = v.object({
  /** Absent: shoppers who asked about no topic in particular. */
  topic: v.optional(Topic),
  /** The topic's name in each language the shop named it in: the console picks its own. */
  labels: v.optional(
    v.object({
      en: v.optional(text(80)),
      fr: v.optional(text(80)),
      de: v.optional(text(80)),
      es: v.optional(text(80)),
      it: v.optional(text(80)),
    }),
  ),
  lang: Language,
  waiting: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** How long the shopper first in line has waited, in seconds, as this was sent. */
  longestWaitSeconds: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type QueueSummary = v.InferOutput<typeof QueueSummary>;
/**
 * Expert: who waits in the queues this expert answers, also while they are in a call. Sent on
 * sign-in and when a queue moves (at most twice a second); an empty list when nobody waits.
 */
export const ExpertQueues = message('expert.queues', {
  queues: v.pipe(v.array(QueueSummary), v.maxLength(200)),
});
/** Expert: the products found for `query` (none when the shop has no catalogue: `catalogue`). */
export const ExpertProducts = message('expert.products', {
  query: text(100),
  products: v.pipe(v.array(ProductCard), v.maxLength(MAX_PRODUCTS_FOUND)),
  /** False when the shop's config names no catalogue, or it could not be read. */
  catalogue: v.boolean(),
});
/** Shopper: the expert marked this on your camera's picture (see `expert.mark`). */
export const CallMark = message('call.mark', {
  conversationId: ConversationId,
  points: MarkPoints,
});
/**
 * Shopper: send the photo's bytes to the hub's `photos` (relative to its URL), with this
 * ticket as `Authorization: Bearer`, within five minutes.
 */
export const PhotoTicketMessage = message('photo.ticket', {
  conversationId: ConversationId,
  ticket: text(2048),
});
/** Shopper: a code that carries this conversation on to another device, once, until `expiresAt`. */
export const ShopperHandoffCode = message('shopper.handoff-code', {
  conversationId: ConversationId,
  code: HandoffCode,
  /** Epoch ms. */
  expiresAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Shopper, on the first device: the conversation went on on another device (its code was used). */
export const ConversationMoved = message('conversation.moved', { conversationId: ConversationId });
/** Shopper: the rating is stored. */
export const ShopperRated = message('shopper.rated', { conversationId: ConversationId });
/** Expert: a shopper rated a conversation this expert had (sent if the console is connected). */
export const ExpertRated = message('expert.rated', {
  conversationId: ConversationId,
  stars: Stars,
  comment: v.optional(text(MAX_RATING_COMMENT)),
  /** The name the shopper typed, when they gave one: unverified. */
  displayName: v.optional(text(80)),
  /** Who the shop's server says the shopper is, verified by the hub. */
  customer: v.optional(VerifiedCustomer),
});

export const ServerMessage = v.variant('type', [
  ErrorMessage,
  ShopperQueued,
  ShopperConnecting,
  ExpertSession,
  ExpertReady,
  ExpertPresence,
  ExpertRing,
  ExpertRingEnded,
  CallLive,
  CallEnded,
  ConversationOpened,
  ChatMessage,
  ChatTypingNotice,
  CallMark,
  PhotoTicketMessage,
  ShopperHandoffCode,
  ConversationMoved,
  ExpertProducts,
  ConversationChat,
  ShopperOffline,
  OfflineSlots,
  OfflineConfirmed,
  OfflineRejected,
  ExpertRequests,
  ExpertQueues,
  ShopperRated,
  ExpertRated,
]);
export type ServerMessage = v.InferOutput<typeof ServerMessage>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
export type ClientMessageOf<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;

/**
 * The context as the widget sends it: each known field that is a string fitted to its limit;
 * anything else (a price given as a number, a field the hub does not know) left out, so that a
 * page's odd context never costs the shopper their conversation. No validator: this runs in
 * the shop's page.
 */
export function fitContext(context: Record<string, unknown>): ShopperContext {
  const pick = <K extends string>(from: Record<string, unknown>, limits: Record<K, number>) => {
    const fitted: Partial<Record<K, string>> = {};
    for (const key of Object.keys(limits) as K[]) {
      const value = from[key];
      if (typeof value === 'string') fitted[key] = fitText(value, limits[key]);
    }
    return fitted;
  };
  const { product, ...page } = CONTEXT_LIMITS;
  const given = context['product'];
  return {
    ...pick(context, page),
    ...(given !== null && typeof given === 'object'
      ? { product: pick(given as Record<string, unknown>, product) }
      : {}),
  };
}
