/**
 * An example of every message of the protocol, full (every optional field) and minimal, and
 * every closed set with the message and field that carry it: what the protocol tests read.
 */
import type { ClientMessage, ServerMessage } from '../../src/protocol/index.js';

export const context = {
  pageUrl: 'https://shop.example/lumen',
  pageTitle: 'Lumen 500',
  product: {
    id: 'lumen-500',
    name: 'Lumen 500',
    price: '1 299 €',
    url: 'https://shop.example/lumen',
    imageUrl: 'https://shop.example/lumen.jpg',
  },
};
export const media = {
  url: 'wss://lk.example',
  token: 'jwt',
  room: 'conversation-c1',
  peer: 'expert-ana',
};
export const expert = { id: 'dev-ana', name: 'Ana' };
export const handoffCode = 'AbCdEfGhIjKlMnOpQrSt_-';
export const photoId = 'Zx9_-Yw8Vu7Ts6Rq5Po4Nm';
export const productId = 'lumen-500';
/** A product card with every field, as the catalogue gives it; and with the fewest. */
export const product = {
  id: productId,
  name: 'Lumen 500',
  url: '/bikes/lumen-500',
  image: 'https://shop.example/lumen.jpg',
  price: { amount: 1299, currency: 'EUR' },
  availability: { store: 'Lyon Part-Dieu', inStock: true },
} as const;
export const bareProduct = { id: 'p', name: 'P' } as const;

/** Each client message: a full example (every optional field) and a minimal one. */
export const clientMessages: Array<[full: ClientMessage, minimal: ClientMessage]> = [
  [
    {
      type: 'shopper.request',
      mode: 'video',
      lang: 'fr',
      displayName: 'Léa',
      context,
      topic: 'bikes',
      customerToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LTEifQ.c2ln',
    },
    { type: 'shopper.request', mode: 'chat', lang: 'en', context: {} },
  ],
  [{ type: 'shopper.cancel' }, { type: 'shopper.cancel' }],
  [
    { type: 'expert.dev-login', name: 'Ana' },
    { type: 'expert.dev-login', name: 'A' },
  ],
  [
    { type: 'expert.auth', session: 'jwt', topics: ['bikes', 'hi-fi'], languages: ['fr', 'en'] },
    { type: 'expert.auth', session: 'jwt' },
  ],
  [
    { type: 'expert.set-presence', status: 'available' },
    { type: 'expert.set-presence', status: 'away' },
  ],
  [
    { type: 'expert.accept', conversationId: 'c1' },
    { type: 'expert.accept', conversationId: 'c' },
  ],
  [
    { type: 'expert.decline', conversationId: 'c1' },
    { type: 'expert.decline', conversationId: 'c' },
  ],
  [
    { type: 'call.end', conversationId: 'c1' },
    { type: 'call.end', conversationId: 'c' },
  ],
  [
    { type: 'conversation.resume', conversationId: 'c1', resumeToken: 'tok', lastSeq: 12 },
    { type: 'conversation.resume', conversationId: 'c1', resumeToken: '', lastSeq: 0 },
  ],
  [
    { type: 'chat.send', conversationId: 'c1', clientId: 'client-id-1', text: 'Bonjour' },
    { type: 'chat.send', conversationId: 'c1', clientId: '12345678', text: 'x' },
  ],
  [
    { type: 'chat.sync', conversationId: 'c1', lastSeq: 3 },
    { type: 'chat.sync', conversationId: 'c1', lastSeq: 0 },
  ],
  [
    { type: 'chat.typing', conversationId: 'c1' },
    { type: 'chat.typing', conversationId: 'c1' },
  ],
  [
    { type: 'expert.mark', conversationId: 'c1', points: [{ x: 0.25, y: 0.5 }] },
    {
      type: 'expert.mark',
      conversationId: 'c1',
      points: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
    },
  ],
  [
    { type: 'media.lost', conversationId: 'c1' },
    { type: 'media.lost', conversationId: 'c1' },
  ],
  [
    { type: 'media.switch', conversationId: 'c1', to: 'chat' },
    { type: 'media.switch', conversationId: 'c1', to: 'call' },
  ],
  [{ type: 'offline.slots', topic: 'repair' }, { type: 'offline.slots' }],
  [
    {
      type: 'offline.message',
      topic: 'repair',
      lang: 'fr',
      name: 'Léa',
      context,
      contact: 'lea@example.fr',
      text: 'Rappelez-moi',
    },
    { type: 'offline.message', lang: 'en', context: {}, contact: 'x', text: 'y' },
  ],
  [
    {
      type: 'offline.callback',
      topic: 'repair',
      lang: 'fr',
      name: 'Léa',
      context,
      phone: '+33612345678',
      from: 1,
      to: 2,
      text: 'Freins',
    },
    { type: 'offline.callback', lang: 'fr', context: {}, phone: '0', from: 0, to: 0 },
  ],
  [
    {
      type: 'offline.book',
      topic: 'repair',
      lang: 'fr',
      name: 'Léa',
      context,
      contact: 'lea@example.fr',
      start: 1_800_000_000_000,
      text: 'Freins',
    },
    { type: 'offline.book', lang: 'en', context: {}, contact: 'x', start: 0 },
  ],
  [
    { type: 'expert.request-done', id: 'r1' },
    { type: 'expert.request-done', id: 'r' },
  ],
  [
    { type: 'shopper.rate', conversationId: 'c1', stars: 4, comment: 'Clear and patient.' },
    { type: 'shopper.rate', conversationId: 'c1', stars: 1 },
  ],
  [
    { type: 'shopper.handoff', conversationId: 'c1' },
    { type: 'shopper.handoff', conversationId: 'c' },
  ],
  [
    { type: 'conversation.take', code: handoffCode },
    { type: 'conversation.take', code: '-'.repeat(22) },
  ],
  [
    { type: 'photo.prepare', conversationId: 'c1' },
    { type: 'photo.prepare', conversationId: 'c' },
  ],
  [
    { type: 'chat.photo', conversationId: 'c1', clientId: 'client-id-2', photoId },
    { type: 'chat.photo', conversationId: 'c', clientId: 'abcdefgh', photoId: '_'.repeat(22) },
  ],
  [
    { type: 'expert.find-products', query: 'lumen 500' },
    { type: 'expert.find-products', query: 'l' },
  ],
  [
    { type: 'expert.show-product', conversationId: 'c1', clientId: 'client-id-3', productId },
    { type: 'expert.show-product', conversationId: 'c', clientId: 'abcdefgh', productId: 'p' },
  ],
  [
    { type: 'shopper.product-action', conversationId: 'c1', productId, action: 'add-to-cart' },
    { type: 'shopper.product-action', conversationId: 'c', productId: 'p', action: 'open' },
  ],
];

export const request = {
  id: 'r1',
  kind: 'appointment',
  topic: 'repair',
  lang: 'fr',
  name: 'Léa',
  contact: 'lea@example.fr',
  phone: null,
  text: 'Freins',
  from: 1,
  to: 2,
  context,
  status: 'to-do',
  createdAt: 0,
} as const;

export const serverMessages: Array<[full: ServerMessage, minimal: ServerMessage]> = [
  [
    { type: 'error', reason: 'wrong-state', message: 'Not now.', ref: 'call.end' },
    { type: 'error', reason: 'internal', message: '' },
  ],
  [
    { type: 'shopper.queued', conversationId: 'c1', position: 2, etaSeconds: 90 },
    { type: 'shopper.queued', conversationId: 'c1', position: 1 },
  ],
  [
    { type: 'shopper.connecting', conversationId: 'c1', media },
    { type: 'shopper.connecting', conversationId: 'c1' },
  ],
  [
    { type: 'expert.session', session: 'jwt', expert },
    { type: 'expert.session', session: '', expert: { id: '', name: '' } },
  ],
  [
    { type: 'expert.ready', expert, status: 'available', conversations: ['c1', 'c2'] },
    { type: 'expert.ready', expert, status: 'away' },
  ],
  [
    { type: 'expert.presence', status: 'available' },
    { type: 'expert.presence', status: 'away' },
  ],
  [
    {
      type: 'expert.ring',
      conversationId: 'c1',
      mode: 'audio',
      lang: 'fr',
      shopper: {
        displayName: 'Léa',
        customer: { id: 'cust-1', name: 'Léa Martin', email: 'lea@example.org' },
        context,
      },
      media,
      ringTimeoutMs: 30_000,
    },
    {
      type: 'expert.ring',
      conversationId: 'c1',
      mode: 'chat',
      lang: 'en',
      shopper: { context: {} },
      ringTimeoutMs: 0,
    },
  ],
  [
    { type: 'expert.ring-ended', conversationId: 'c1', reason: 'declined' },
    { type: 'expert.ring-ended', conversationId: 'c1', reason: 'timeout' },
  ],
  [
    { type: 'call.live', conversationId: 'c1', mode: 'video', expert },
    { type: 'call.live', conversationId: 'c1', mode: 'chat', expert },
  ],
  [
    { type: 'call.ended', conversationId: 'c1', reason: 'expert-left' },
    { type: 'call.ended', conversationId: 'c1', reason: 'shopper-hung-up' },
  ],
  [
    { type: 'conversation.opened', conversationId: 'c1', resumeToken: 'tok' },
    { type: 'conversation.opened', conversationId: 'c1', resumeToken: '' },
  ],
  [
    {
      type: 'chat.message',
      conversationId: 'c1',
      seq: 4,
      clientId: 'client-id-1',
      author: 'shopper',
      authorName: 'Léa',
      text: 'Bonjour',
      at: 1.5,
    },
    {
      type: 'chat.message',
      conversationId: 'c1',
      seq: 1,
      clientId: null,
      author: 'system',
      authorName: '',
      text: 'expert-joined',
      at: 0,
    },
  ],
  [
    { type: 'chat.typing', conversationId: 'c1', author: 'expert' },
    { type: 'chat.typing', conversationId: 'c1', author: 'shopper' },
  ],
  [
    { type: 'call.mark', conversationId: 'c1', points: [{ x: 0.25, y: 0.5 }] },
    { type: 'call.mark', conversationId: 'c1', points: [{ x: 1, y: 0 }] },
  ],
  [
    { type: 'conversation.chat', conversationId: 'c1', reason: 'media-lost', expert },
    { type: 'conversation.chat', conversationId: 'c1', reason: 'chosen', expert },
  ],
  [
    { type: 'shopper.offline', reason: 'closed', opensAt: 1_800_000_000_000 },
    { type: 'shopper.offline', reason: 'no-answer' },
  ],
  [
    { type: 'offline.slots', topic: 'repair', slots: [{ start: 1, end: 2 }] },
    { type: 'offline.slots', slots: [] },
  ],
  [
    { type: 'offline.confirmed', kind: 'callback', id: 'r1', from: 1, to: 2 },
    { type: 'offline.confirmed', kind: 'message', id: 'r1' },
  ],
  [
    { type: 'offline.rejected', kind: 'appointment', problem: 'slot-taken', field: 'slotStart' },
    { type: 'offline.rejected', kind: 'message', problem: 'text-empty' },
  ],
  [
    { type: 'expert.requests', requests: [request] },
    { type: 'expert.requests', requests: [] },
  ],
  [
    {
      type: 'expert.queues',
      queues: [
        {
          topic: 'bikes',
          labels: { fr: 'Vélos', en: 'Bikes' },
          lang: 'fr',
          waiting: 3,
          longestWaitSeconds: 240,
        },
        { lang: 'en', waiting: 1, longestWaitSeconds: 0 },
      ],
    },
    { type: 'expert.queues', queues: [] },
  ],
  [
    { type: 'shopper.rated', conversationId: 'c1' },
    { type: 'shopper.rated', conversationId: 'c' },
  ],
  [
    {
      type: 'expert.rated',
      conversationId: 'c1',
      stars: 5,
      comment: 'Clear and patient.',
      displayName: 'Léa',
    },
    { type: 'expert.rated', conversationId: 'c1', stars: 3 },
  ],
  [
    {
      type: 'chat.message',
      conversationId: 'c1',
      seq: 5,
      clientId: 'client-id-3',
      author: 'expert',
      authorName: 'Ana',
      text: 'Lumen 500',
      product,
      at: 2,
    },
    {
      type: 'chat.message',
      conversationId: 'c1',
      seq: 1,
      clientId: null,
      author: 'expert',
      authorName: '',
      text: '',
      at: 0,
    },
  ],
  [
    {
      type: 'chat.message',
      conversationId: 'c1',
      seq: 6,
      clientId: 'client-id-2',
      author: 'shopper',
      authorName: 'Léa',
      text: '',
      photo: { id: photoId, type: 'image/jpeg', width: 2048, height: 1536 },
      at: 3,
    },
    {
      type: 'chat.message',
      conversationId: 'c1',
      seq: 1,
      clientId: null,
      author: 'shopper',
      authorName: '',
      text: '',
      at: 0,
    },
  ],
  [
    { type: 'expert.products', query: 'lumen', products: [product, bareProduct], catalogue: true },
    { type: 'expert.products', query: '', products: [], catalogue: false },
  ],
  [
    { type: 'photo.ticket', conversationId: 'c1', ticket: 'eyJ.eyJ.sig' },
    { type: 'photo.ticket', conversationId: 'c', ticket: 't' },
  ],
  [
    { type: 'shopper.handoff-code', conversationId: 'c1', code: handoffCode, expiresAt: 1 },
    { type: 'shopper.handoff-code', conversationId: 'c', code: handoffCode, expiresAt: 0 },
  ],
  [
    { type: 'conversation.moved', conversationId: 'c1' },
    { type: 'conversation.moved', conversationId: 'c' },
  ],
];

export const frame = (message: object) => JSON.stringify(message);

/** The `which`th example (the second by default) of the message of this type. */
function exampleOf<T extends { type: string }>(
  examples: Array<[T, T]>,
  type: T['type'],
  which = 1,
): T {
  const pair = examples.find(([example]) => example.type === type);
  if (!pair) throw new Error(`No example of ${type}.`);
  return pair[which as 0 | 1];
}

/** Every closed set, by the message and field that carries it, with all its values. */
export const closedSets: Array<{
  side: 'client' | 'server';
  base: ClientMessage | ServerMessage;
  set: (message: Record<string, unknown>, value: string) => void;
  values: string[];
}> = [
  {
    side: 'client',
    base: exampleOf(clientMessages, 'shopper.request'),
    set: (m, value) => (m['mode'] = value),
    values: ['video', 'audio', 'chat'],
  },
  {
    side: 'client',
    base: exampleOf(clientMessages, 'shopper.request'),
    set: (m, value) => (m['lang'] = value),
    values: ['en', 'fr'],
  },
  {
    side: 'client',
    base: exampleOf(clientMessages, 'expert.set-presence'),
    set: (m, value) => (m['status'] = value),
    values: ['available', 'away'],
  },
  {
    side: 'client',
    base: exampleOf(clientMessages, 'media.switch'),
    set: (m, value) => (m['to'] = value),
    values: ['chat', 'call'],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'error'),
    set: (m, value) => (m['reason'] = value),
    values: [
      'bad-json',
      'too-large',
      'unknown-type',
      'invalid-message',
      'wrong-state',
      'unauthorized',
      'internal',
    ],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'expert.ring-ended'),
    set: (m, value) => (m['reason'] = value),
    values: ['declined', 'timeout', 'shopper-cancelled'],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'call.ended'),
    set: (m, value) => (m['reason'] = value),
    values: [
      'shopper-hung-up',
      'expert-hung-up',
      'shopper-left',
      'expert-left',
      'shopper-cancelled',
    ],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'chat.message'),
    set: (m, value) => (m['author'] = value),
    values: ['shopper', 'expert', 'system'],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'conversation.chat'),
    set: (m, value) => (m['reason'] = value),
    values: ['chosen', 'media-lost', 'media-unavailable'],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'shopper.offline'),
    set: (m, value) => (m['reason'] = value),
    values: ['closed', 'no-answer'],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'offline.confirmed'),
    set: (m, value) => (m['kind'] = value),
    values: ['message', 'callback', 'appointment'],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'offline.rejected'),
    set: (m, value) => (m['problem'] = value),
    values: [
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
    ],
  },
  {
    side: 'server',
    base: exampleOf(serverMessages, 'expert.requests', 0),
    set: (m, value) => ((m['requests'] as Array<Record<string, unknown>>)[0]!['status'] = value),
    values: ['to-do', 'done', 'cancelled'],
  },
];
