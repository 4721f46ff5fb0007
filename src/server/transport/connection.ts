/**
 * One browser connection to the hub: who it is (nobody yet, a shopper, an expert), which
 * conversations it may touch, and an error frame with a reason for anything it may not do.
 * Frames of one connection are handled in order, even when one waits on storage or LiveKit.
 */
import { decodeClientFrame, type ClientMessage } from '../../protocol/index.js';
import { HubError, wrongState } from '../errors.js';
import type { Conversation, Peer, Seat } from '../registry.js';
import type { Hub } from '../hub.js';

export interface Connection {
  receive(frame: string, byteLength?: number): Promise<void>;
  /** The transport lost this peer: it has the hub's grace period to resume. */
  closed(): void;
}

type Role =
  | { kind: 'anonymous' }
  | { kind: 'shopper'; conversation: Conversation }
  | { kind: 'expert'; seat: Seat };

export function openConnection(
  hub: Hub,
  peer: Peer,
  log: (event: string, fields?: Record<string, unknown>) => void,
): Connection {
  let role: Role = { kind: 'anonymous' };
  let queue: Promise<void> = Promise.resolve();

  const anonymous = () => {
    if (role.kind !== 'anonymous') throw wrongState('This connection already has a role.');
  };

  const handle = async (message: ClientMessage): Promise<void> => {
    if (role.kind === 'shopper' && hub.hasMovedAway(peer)) {
      throw wrongState('This conversation went on on another device.');
    }
    switch (message.type) {
      case 'shopper.request': {
        anonymous();
        const conversation = await hub.request(peer, message);
        // Closed: no conversation; the connection may still leave a message or book a slot.
        if (conversation) role = { kind: 'shopper', conversation };
        return;
      }
      case 'conversation.resume':
        anonymous();
        role = { kind: 'shopper', conversation: await hub.resume(peer, message) };
        return;
      case 'conversation.take':
        anonymous();
        role = { kind: 'shopper', conversation: await hub.take(peer, message.code) };
        return;
      case 'shopper.handoff':
        if (role.kind !== 'shopper') throw wrongState('Only the shopper moves a conversation.');
        return hub.handoff(memberOf(role, message.conversationId), peer);
      case 'shopper.cancel':
        if (role.kind !== 'shopper') throw wrongState('Only a shopper can leave the queue.');
        return hub.finish(role.conversation, 'shopper-cancelled');
      case 'expert.dev-login':
        return hub.devLogin(peer, message.name);
      case 'expert.auth':
        anonymous();
        role = { kind: 'expert', seat: await hub.signIn(peer, message) };
        return;
      case 'expert.set-presence':
        return hub.setPresence(seatOf(role), message.status);
      case 'expert.accept':
        return hub.accept(ringingFor(seatOf(role), message.conversationId));
      case 'expert.decline':
        return hub.decline(ringingFor(seatOf(role), message.conversationId));
      case 'call.end': {
        const conversation = memberOf(role, message.conversationId);
        if (role.kind === 'expert' && conversation.state.phase.kind === 'ringing') {
          return hub.decline(conversation);
        }
        return hub.finish(
          conversation,
          role.kind === 'expert' ? 'expert-hung-up' : 'shopper-hung-up',
        );
      }
      case 'chat.send': {
        const conversation = chattingIn(role, message.conversationId);
        return hub.say(conversation, role.kind === 'expert' ? 'expert' : 'shopper', {
          clientId: message.clientId,
          text: message.text,
        });
      }
      case 'photo.prepare':
        if (role.kind !== 'shopper') throw wrongState('Only the shopper sends photos.');
        return hub.preparePhoto(memberOf(role, message.conversationId), peer);
      case 'chat.photo':
        if (role.kind !== 'shopper') throw wrongState('Only the shopper sends photos.');
        return hub.showPhoto(
          chattingIn(role, message.conversationId),
          message.clientId,
          message.photoId,
        );
      case 'chat.sync':
        return hub.replay(memberOf(role, message.conversationId), peer, message.lastSeq);
      case 'chat.typing':
        return hub.typing(
          chattingIn(role, message.conversationId),
          role.kind === 'expert' ? 'expert' : 'shopper',
        );
      case 'expert.mark':
        if (role.kind !== 'expert') throw wrongState('Only the expert marks the picture.');
        return hub.mark(memberOf(role, message.conversationId), message.points);
      case 'media.lost':
        return hub.mediaLost(memberOf(role, message.conversationId));
      case 'media.switch': {
        const waiting = memberOf(role, message.conversationId);
        if (
          role.kind === 'shopper' &&
          waiting.state.phase.kind === 'queued' &&
          message.to === 'chat'
        ) {
          return hub.waitForChat(waiting);
        }
        const conversation = chattingIn(role, message.conversationId);
        return message.to === 'chat'
          ? hub.toChat(conversation, 'chosen')
          : hub.toCall(conversation);
      }
      case 'offline.slots':
      case 'offline.message':
      case 'offline.callback':
      case 'offline.book':
        return hub.offline.handle(peer, message);
      case 'shopper.rate': {
        // The connection that had the conversation, and only it: the role is kept after the end.
        if (role.kind !== 'shopper') throw wrongState('Only the shopper can rate a conversation.');
        const conversation = memberOf(role, message.conversationId);
        return hub.rate(conversation, peer, message);
      }
      case 'expert.find-products':
        seatOf(role);
        return hub.findProducts(peer, message.query);
      case 'expert.show-product':
        if (role.kind !== 'expert') throw wrongState('Only the expert shows products.');
        return hub.showProduct(
          memberOf(role, message.conversationId),
          message.clientId,
          message.productId,
        );
      case 'shopper.product-action':
        // The connection that had the conversation, also after its end, as for a rating.
        if (role.kind !== 'shopper') throw wrongState('Only the shopper acts on a product card.');
        return hub.productAction(
          memberOf(role, message.conversationId),
          message.productId,
          message.action,
        );
      case 'expert.request-done':
        return hub.markRequestDone(seatOf(role), message.id);
      default:
        return unreachable(message);
    }
  };

  const run = async (frame: string, byteLength?: number) => {
    const decoded = decodeClientFrame(frame, byteLength);
    if (!decoded.ok) {
      peer.send({
        type: 'error',
        reason: decoded.reason,
        message: decoded.detail,
        ...(decoded.ref ? { ref: decoded.ref } : {}),
      });
      return;
    }
    try {
      await handle(decoded.message);
    } catch (error) {
      const known = error instanceof HubError;
      if (!known) log('hub.error', { error: String(error) });
      peer.send({
        type: 'error',
        reason: known ? error.reason : 'internal',
        message: known ? error.message : 'The hub could not handle this message.',
        ref: decoded.message.type,
      });
    }
  };

  return {
    receive: (frame, byteLength) => {
      queue = queue.then(() => run(frame, byteLength));
      return queue;
    },
    closed: () => {
      queue = queue.then(() => {
        if (role.kind === 'shopper') hub.shopperLeft(role.conversation, peer);
        if (role.kind === 'expert') hub.expertLeft(role.seat, peer);
      });
    },
  };
}

function seatOf(role: Role): Seat {
  if (role.kind !== 'expert') throw new HubError('unauthorized', 'Sign in as an expert first.');
  return role.seat;
}

/** The conversation `role` is in, if it has that id. */
function memberOf(role: Role, conversationId: string): Conversation {
  const conversation =
    role.kind === 'shopper'
      ? role.conversation
      : role.kind === 'expert'
        ? [...role.seat.conversations].find((c) => c.id === conversationId)
        : undefined;
  if (conversation?.id !== conversationId) {
    throw wrongState('This connection is not in that conversation.');
  }
  return conversation;
}

/** The conversation `role` may chat in: theirs, with an expert in it. */
function chattingIn(role: Role, conversationId: string): Conversation {
  const conversation = memberOf(role, conversationId);
  if (conversation.state.phase.kind !== 'live') {
    throw wrongState('Messages can be sent once an expert has joined the conversation.');
  }
  return conversation;
}

function ringingFor(seat: Seat, conversationId: string): Conversation {
  const conversation = [...seat.conversations].find((c) => c.id === conversationId);
  if (conversation?.state.phase.kind !== 'ringing') {
    throw wrongState('That conversation is not ringing for you.');
  }
  return conversation;
}

function unreachable(message: never): never {
  throw new HubError('unknown-type', `Unhandled message ${JSON.stringify(message)}.`);
}
