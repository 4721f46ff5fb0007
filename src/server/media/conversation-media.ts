/**
 * The media layer of conversations: a fresh LiveKit room per call, both tokens minted at once
 * (join during the ring, publish on accept), and the room let go when the call ends or gives way.
 */
import { randomUUID } from 'node:crypto';
import type { MediaGrant } from '../../protocol/index.js';
import type { Conversation, Seat } from '../lifecycle/conversation.js';
import type { MediaRooms } from './media-rooms.js';

export interface OpenedRoom {
  room: string;
  expert: MediaGrant;
  shopper: MediaGrant;
}

export class ConversationMedia {
  constructor(
    private readonly rooms: MediaRooms,
    private readonly log: (event: string, fields?: Record<string, unknown>) => void,
  ) {}

  /**
   * A fresh room for the conversation and both tokens. Fresh each time: the room of a declined
   * ring, or of media given up for chat, may still be being deleted.
   */
  async open(conversation: Conversation, seat: Seat): Promise<OpenedRoom> {
    const room = `conversation-${conversation.id}-${randomUUID().slice(0, 8)}`;
    const [, expert, shopper] = await Promise.all([
      this.rooms.open(room),
      this.expertGrant(seat, room),
      this.shopperGrant(conversation, room),
    ]);
    return { room, expert, shopper };
  }

  /** Lets the conversation's room go, if it has one; the conversation carries on without it. */
  close(conversation: Conversation): void {
    const room = conversation.room;
    if (!room) return;
    conversation.room = undefined;
    this.closeNamed(room);
  }

  closeNamed(room: string): void {
    this.rooms.close(room).catch((error: unknown) => {
      this.log('media.close-failed', { room, error: String(error) });
    });
  }

  shopperGrant(conversation: Conversation, room: string): Promise<MediaGrant> {
    return this.rooms.grant(room, {
      identity: `shopper-${conversation.id}`,
      name: conversation.displayName ?? 'Shopper',
    });
  }

  expertGrant(seat: Seat, room: string): Promise<MediaGrant> {
    return this.rooms.grant(room, { identity: `expert-${seat.expertId}`, name: seat.profile.name });
  }
}
