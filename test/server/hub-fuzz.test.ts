/**
 * Every input path of a real hub (real LiveKit, real storage), fed generated input (fast-check):
 * HTTP requests of any method, target, headers and body, and WebSocket frames of any shape.
 * Whatever comes, the hub answers (a status; an `error` frame with a reason from the closed
 * set), what it refuses changes nothing (its figures, its stored rows, the live conversation's
 * transcript), and a conversation that was live before still works after. A failure prints the
 * seed and the smallest input found; `fc.assert` replays it with that seed.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import fc from 'fast-check';
import { after, before, describe, it } from '../support/node-test.js';
import {
  ErrorReason,
  decodeClientFrame,
  type ServerMessage,
  type ServerMessageOf,
} from '../../src/protocol/index.js';
import { defaultShopConfig } from '../../src/server/config/shop-config.js';
import { WAIT_MS, within } from '../support/deadline.js';
import { clientFrame, junkText, junkValue } from '../support/frame-arbitraries.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { clientMessages } from '../support/protocol-examples.js';
import { signature } from '../support/webhooks.js';

const RUNS = 200;
const ORIGIN = 'https://shop.example';
const OPERATOR_TOKEN = 'operator-'.repeat(4);
const reasons = new Set<string>(ErrorReason.options);

let stack: HubFixture;
let expert: HubPeer;
let shopper: HubPeer;
let conversationId: string;
/** What the live conversation's shopper said, in order. */
const said: string[] = [];

before(async () => {
  stack = await startHubFixture({
    shop: { ...defaultShopConfig(), allowedOrigins: [ORIGIN] },
    operatorToken: OPERATOR_TOKEN,
  });
  expert = await HubPeer.expert(stack.hub.url, 'Steady');
  shopper = await HubPeer.shopper(stack.hub.url, 'chat');
  conversationId = (await expert.next('expert.ring')).conversationId;
  expert.send({ type: 'expert.accept', conversationId });
  await shopper.next('call.live');
  await say('before');
});
after(async () => {
  await shopper?.close();
  await expert?.close();
  await stack?.stop();
});

/** The shopper says `text`; resolves once the expert has it, stored. */
async function say(text: string): Promise<void> {
  const clientId = randomUUID();
  const from = expert.received.length;
  shopper.send({ type: 'chat.send', conversationId, clientId, text });
  await expert.until((m) => m.type === 'chat.message' && m.clientId === clientId, from);
  said.push(text);
}

/**
 * What the hub holds: its figures, and a digest of every stored row that a refused input
 * could have touched (conversations, transcripts, offline requests, leases).
 */
async function holdings() {
  const [stored] = await stack.sql(
    `select
       (select count(*)::integer from conversations) as conversations,
       (select coalesce(string_agg(id || ':' || state || ':' || last_seq || ':' || coalesce(ended_at::text, ''), ',' order by id), '') from conversations) as states,
       (select count(*)::integer from messages) as messages,
       (select coalesce(md5(string_agg(conversation_id || seq || body, ',' order by conversation_id, seq)), '') from messages) as transcripts,
       (select count(*)::integer from requests) as requests,
       (select coalesce(string_agg(id || ':' || status, ',' order by id), '') from requests) as request_states`,
  );
  return { figures: stack.hub.hub.stats(), stored };
}

describe('HTTP requests of any shape', () => {
  /**
   * Sends raw bytes to the hub's port; resolves with the status line and the body, once the
   * hub has closed the connection (or, for a 101, once it has switched protocols).
   */
  async function raw(request: Buffer): Promise<{ status: string; body: string }> {
    const { hostname, port } = new URL(stack.hub.url);
    const socket = connect(Number(port), hostname);
    socket.on('error', () => {}); // a reset after the answer: the answer is what counts
    socket.write(request);
    let answer = Buffer.alloc(0);
    const read = (async () => {
      for await (const chunk of socket) {
        answer = Buffer.concat([answer, chunk as Buffer]);
        if (/^HTTP\/1\.1 101 /.test(answer.toString('latin1')) && answer.includes('\r\n\r\n'))
          break;
      }
    })();
    try {
      await within(WAIT_MS, 'the hub answering a request', read);
    } finally {
      socket.destroy();
    }
    const text = answer.toString('utf8');
    const end = text.indexOf('\r\n\r\n');
    return { status: text.split('\r\n')[0]!, body: end === -1 ? '' : text.slice(end + 4) };
  }

  const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/);
  /** Any text but line breaks (which would end the line and make another request). */
  const line = (max: number) =>
    fc
      .oneof(
        { weight: 4, arbitrary: junkText },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: max }) },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => 'a'.repeat(n)),
        },
      )
      .map((s) => s.replace(/[\r\n]/g, ''));
  const percentEncoded = junkText.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return s.replace(/[\r\n]/g, ''); // a lone surrogate cannot be percent-encoded: sent raw
    }
  });
  const path = fc.constantFrom(
    '/availability',
    '/health',
    '/livekit/webhook',
    '/ws',
    '/',
    '/health/',
    '/HEALTH',
    '//availability',
    '/..%2f..%2fetc/passwd',
    '/%00',
    '/%zz',
    '*',
    'http://[',
    'http://127.0.0.1/health',
    '',
  );
  const target = fc.oneof(
    { weight: 4, arbitrary: path },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          path,
          fc.array(
            fc.tuple(fc.constantFrom('topic', 'lang', 'x', '', '__proto__'), percentEncoded),
            { maxLength: 4 },
          ),
        )
        .map(([p, query]) => `${p}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`),
    },
    { weight: 2, arbitrary: line(200) },
  );
  const header = fc.oneof(
    fc.tuple(
      fc.constantFrom(
        'authorization',
        'origin',
        'content-type',
        'accept',
        'cookie',
        'x-forwarded-for',
        'upgrade',
        'connection',
        'sec-websocket-key',
        'sec-websocket-version',
        'expect',
      ),
      line(100),
    ),
    fc.tuple(token, line(100)),
    fc.constant(['authorization', `Bearer ${OPERATOR_TOKEN}`] as [string, string]),
    fc.constant(['authorization', `Bearer ${OPERATOR_TOKEN}x`] as [string, string]),
    fc.constant(['origin', ORIGIN] as [string, string]),
    fc.constant(['origin', 'https://evil.example'] as [string, string]),
  );
  /** The headers of a WebSocket handshake, right or nearly. */
  const handshake = fc
    .record({
      key: fc.oneof(fc.constant(randomBytes(16).toString('base64')), line(40)),
      version: fc.constantFrom('13', '8', '', '99999999999'),
      origin: fc.option(fc.constantFrom(ORIGIN, 'https://evil.example', 'null', ''), {
        nil: undefined,
      }),
    })
    .map(({ key, version, origin }) => [
      ['upgrade', 'websocket'],
      ['connection', 'Upgrade'],
      ['sec-websocket-key', key],
      ['sec-websocket-version', version],
      ...(origin === undefined ? [] : [['origin', origin]]),
    ]);
  const webhookBody = fc.oneof(
    junkText,
    junkValue.map((v) => JSON.stringify(v) ?? ''),
    fc.constantFrom(
      '{"event":"room_finished","room":{"name":"conversation-nope"}}',
      '{"event":"participant_left","room":{"name":"x"},"participant":{"identity":"y"}}',
      '{"event":"nonsense"}',
    ),
    fc.integer({ min: 60 * 1024, max: 80 * 1024 }).map((n) => 'x'.repeat(n)),
  );
  /** How a body says it is signed: not at all, junk, LiveKit's form with another key, or the hub's own. */
  const signing = fc.constantFrom('none', 'junk', 'other key', 'own key', 'own key, other body');

  const request = fc.record({
    method: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('GET', 'POST') },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'HEAD',
          'PUT',
          'DELETE',
          'OPTIONS',
          'PATCH',
          'TRACE',
          'CONNECT',
          'PRI',
          'get',
        ),
      },
      { weight: 1, arbitrary: token },
    ),
    target,
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 junk'),
    host: fc.boolean(),
    headers: fc.array(header, { maxLength: 5 }),
    upgrade: fc.option(handshake, { freq: 4, nil: undefined }),
    body: fc.option(webhookBody, { nil: undefined }),
    signing,
  });

  type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

  async function bytesOf(r: Request): Promise<Buffer> {
    const body = Buffer.from(r.body ?? '', 'utf8');
    const headers: Array<[string, string]> = [
      ...(r.host ? [['host', '127.0.0.1'] as [string, string]] : []),
      ...(r.upgrade ?? []).map(([k, v]) => [k, v] as [string, string]),
      ...r.headers,
    ];
    if (r.signing !== 'none' && r.body !== undefined) {
      const other = { apiKey: 'other', apiSecret: 'x'.repeat(32) };
      const own = stack.livekit;
      headers.push([
        'authorization',
        r.signing === 'junk'
          ? 'eyJhbGciOiJIUzI1NiJ9.e30.junk'
          : await signature(
              r.signing === 'own key, other body' ? `${r.body} ` : r.body,
              r.signing === 'other key' ? other : own,
            ),
      ]);
    }
    if (!r.upgrade) headers.push(['connection', 'close']);
    if (body.byteLength > 0) headers.push(['content-length', String(body.byteLength)]);
    const head = `${r.method} ${r.target} ${r.version}\r\n${headers
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;
    return Buffer.concat([Buffer.from(head, 'utf8'), body]);
  }

  // Two the generated requests found: each now a test of its own.
  it('answers CONNECT with 405 and closes, instead of dropping the connection without a word', async () => {
    const { status } = await raw(Buffer.from('CONNECT /availability HTTP/1.1\r\n\r\n'));
    assert.equal(status, 'HTTP/1.1 405 Method Not Allowed');
  });

  it('refuses a socket to a page of another site whatever the protocol version says', async () => {
    for (const version of ['13', '8']) {
      const { status } = await raw(
        Buffer.from(
          `GET /ws HTTP/1.1\r\nhost: 127.0.0.1\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
            `sec-websocket-key: ${randomBytes(16).toString('base64')}\r\n` +
            `sec-websocket-version: ${version}\r\norigin: https://evil.example\r\n\r\n`,
        ),
      );
      assert.match(status, /^HTTP\/1\.1 4\d\d /, `version ${version}`);
    }
  });

  it('answers every request with a status, tells figures and opens sockets only to whom it should, and changes nothing it refuses', async () => {
    const held = await holdings();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { status, body } = await raw(await bytesOf(r));
        const code = /^HTTP\/1\.[01] (\d{3}) /.exec(status)?.[1];
        assert.ok(code, `no status line, the hub said: ${JSON.stringify(status)}`);
        const headers = [...(r.upgrade ?? []), ...r.headers];
        if (code === '101') {
          const origins = headers.filter(([k]) => k === 'origin').map(([, v]) => v);
          assert.ok(
            origins.every((o) => o === ORIGIN || o === ''),
            `a socket was opened for ${JSON.stringify(origins)}`,
          );
        }
        if (/"experts"/.test(body)) {
          assert.ok(
            headers.some(([k, v]) => k === 'authorization' && v === `Bearer ${OPERATOR_TOKEN}`),
            'figures told without the operator token',
          );
        }
        if (code === '204') assert.equal(r.signing, 'own key', 'a webhook taken unsigned');
        // Nothing here may change what the hub holds: even a webhook signed with its own key
        // names rooms the hub does not have.
        assert.deepEqual(await holdings(), held);
      }),
      { numRuns: RUNS },
    );
    await say('after the requests');
  });
});

describe('WebSocket frames of any shape', () => {
  let probes = 0;

  /**
   * Sends `frame` on `peer`, then a probe the hub refuses as an unknown type; since the hub
   * handles a connection's frames in order, what came before the probe's refusal is the
   * answer to `frame`.
   */
  async function answerTo(peer: HubPeer, frame: string, binary: boolean): Promise<ServerMessage[]> {
    const probe = `probe-${++probes}`;
    const from = peer.received.length;
    peer.sendRaw(binary ? Buffer.from(frame) : frame, { binary });
    peer.sendRaw(JSON.stringify({ type: probe }));
    const isProbe = (m: ServerMessage) =>
      m.type === 'error' && m.reason === 'unknown-type' && m.message.includes(`"${probe}"`);
    await peer.until(isProbe, from);
    const frames = peer.received.slice(from);
    return frames.slice(
      0,
      frames.findIndex((m) => isProbe(m)),
    );
  }

  /** The hub reads a frame after the UTF-8 trip: a lone surrogate arrives as U+FFFD. */
  const asReceived = (frame: string) => Buffer.from(frame, 'utf8').toString('utf8');

  it('refuses every frame the protocol refuses on a socket of its own, with the codec’s reason, and changes nothing', async () => {
    const stranger = await HubPeer.open(stack.hub.url);
    try {
      await fc.assert(
        fc.asyncProperty(
          clientFrame.filter((frame) => !decodeClientFrame(asReceived(frame)).ok),
          fc.boolean(),
          async (frame, binary) => {
            const held = await holdings();
            const answer = await answerTo(stranger, frame, binary);
            const decoded = decodeClientFrame(asReceived(frame));
            assert.ok(!decoded.ok);
            assert.equal(answer.length, 1, JSON.stringify(answer));
            const [error] = answer as [ServerMessageOf<'error'>];
            assert.equal(error.type, 'error');
            assert.ok(reasons.has(error.reason));
            assert.equal(error.reason, binary ? 'invalid-message' : decoded.reason);
            assert.deepEqual(await holdings(), held);
          },
        ),
        { numRuns: RUNS },
      );
    } finally {
      await stranger.close();
    }
    await say('after the stranger');
  });

  /**
   * Frames the protocol reads but the hub must refuse from these sockets: every message of the
   * protocol, aimed at a conversation that is not theirs, or not allowed to them.
   */
  const notTheirs = fc
    .tuple(
      fc.constantFrom(
        ...clientMessages.flat().filter(
          (m) =>
            // These a connection may always send, or name no conversation and are the side's
            // own to send (leave, go away): answered, not refused.
            ![
              'shopper.cancel',
              'expert.set-presence',
              'expert.dev-login',
              // The catalogue is the expert's to search at any time.
              'expert.find-products',
              'offline.slots',
              'offline.message',
              'offline.callback',
              'offline.book',
            ].includes(m.type),
        ),
      ),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    )
    .map(([message, id]) => {
      const aimed: Record<string, unknown> = { ...message };
      if ('conversationId' in aimed)
        aimed['conversationId'] = id === conversationId ? `${id}x` : id;
      if ('id' in aimed) aimed['id'] = id;
      return JSON.stringify(aimed);
    });

  it('refuses, on the live conversation’s own sockets, every frame refused or not theirs, and the conversation goes on unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          clientFrame.filter((frame) => !decodeClientFrame(asReceived(frame)).ok),
          notTheirs,
        ),
        fc.constantFrom('shopper', 'expert'),
        async (frame, side) => {
          const peer = side === 'shopper' ? shopper : expert;
          const held = await holdings();
          const answer = await answerTo(peer, frame, false);
          const errors = answer.filter((m): m is ServerMessageOf<'error'> => m.type === 'error');
          assert.equal(errors.length, 1, JSON.stringify(answer));
          assert.ok(reasons.has(errors[0]!.reason));
          const decoded = decodeClientFrame(asReceived(frame));
          if (!decoded.ok) assert.equal(errors[0]!.reason, decoded.reason);
          else
            assert.ok(
              ['wrong-state', 'unauthorized'].includes(errors[0]!.reason),
              errors[0]!.reason,
            );
          assert.deepEqual(
            answer.filter((m) => m.type !== 'error'),
            [],
          );
          assert.deepEqual(await holdings(), held);
        },
      ),
      { numRuns: RUNS },
    );
    await say('after the live sockets');
  });

  it('closes a socket whose frame is over a megabyte (1009), and nothing else', async () => {
    const stranger = await HubPeer.open(stack.hub.url);
    const held = await holdings();
    stranger.sendRaw('x'.repeat(1024 * 1024 + 1));
    assert.equal(await stranger.closed(), 1009);
    assert.deepEqual(await holdings(), held);
    await say('after the megabyte');
  });
});

describe('after everything', () => {
  it('still serves the live conversation, its transcript whole and in order', async () => {
    await say('still here');
    const from = expert.received.length;
    expert.send({ type: 'chat.sync', conversationId, lastSeq: 0 });
    await expert.until((m) => m.type === 'chat.message' && m.text === 'still here', from);
    const replayed = expert.received
      .slice(from)
      .flatMap((m) => (m.type === 'chat.message' && m.author === 'shopper' ? [m.text] : []));
    assert.deepEqual(replayed, said);
    // And a new conversation starts and carries a message, as on a fresh hub.
    const rung = expert.received.length;
    const newcomer = await HubPeer.shopper(stack.hub.url, 'chat');
    const ring = await expert.until((m) => m.type === 'expert.ring', rung);
    assert.equal(ring.type, 'expert.ring');
    expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await newcomer.next('call.live');
    const clientId = randomUUID();
    newcomer.send({
      type: 'chat.send',
      conversationId: ring.conversationId,
      clientId,
      text: 'hello',
    });
    const stored = await newcomer.until(
      (m) => m.type === 'chat.message' && m.clientId === clientId,
    );
    assert.ok(stored.type === 'chat.message' && stored.text === 'hello');
    await newcomer.hangUpAndClose();
  });
});
