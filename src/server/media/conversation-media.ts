/**
 * The media layer of conversations: a fresh LiveKit room per call, both tokens minted at once
 * (join during the ring, publish on accept), and the room let go when the call ends or gives way.
 * Tokens are signed here with the API secret; only making and deleting a room asks LiveKit.
 */
import { randomUUID } from 'node:crypto';
import type { ExpertProfile, MediaGrant } from '../../protocol/index.js';
import type { ConversationState, OpenedMedia } from '../lifecycle/lifecycle.js';
import type { MediaRooms } from './media-rooms.js';

export class ConversationMedia {
  constructor(
    private readonly rooms: MediaRooms,
    private readonly log: (event: string, fields?: Record<string, unknown>) => void,
  ) {}

  /**
   * A fresh room for the conversation and both tokens, the room made before this returns. Fresh
   * each time: the room of a declined ring, or of media given up for chat, may still be being
   * deleted.
   */
  async open(conversation: ConversationState, expert: ExpertProfile): Promise<OpenedMedia> {
    const media = await this.mint(conversation, expert);
    await this.create(media.room);
    return media;
  }

  /**
   * A fresh room's name and both tokens, minted here without asking LiveKit anything: a ring
   * need not wait on the media server. `create` makes the room itself.
   */
  async mint(conversation: ConversationState, expert: ExpertProfile): Promise<OpenedMedia> {
    const room = `${ROOM_PREFIX}${conversation.id}-${randomUUID().slice(0, 8)}`;
    const [expertGrant, shopperGrant] = await Promise.all([
      this.expertGrant(expert, room, conversation),
      this.shopperGrant(conversation, room, expert),
    ]);
    return { room, expert: expertGrant, shopper: shopperGrant };
  }

  /** Makes a minted room on the media server, with the settings a conversation's room has. */
  create(room: string): Promise<void> {
    return this.rooms.open(room);
  }

  /** Lets the room go; the conversation carries on without it. */
  close(room: string): void {
    this.rooms.close(room).catch((error: unknown) => {
      this.log('media.close-failed', { room, error: String(error) });
    });
  }

  /** The shopper's token, to see and hear `expert` only. */
  shopperGrant(
    conversation: ConversationState,
    room: string,
    expert: ExpertProfile,
  ): Promise<MediaGrant> {
    return this.rooms.grant(
      room,
      { identity: shopperIdentity(conversation), name: conversation.displayName ?? 'Shopper' },
      expertIdentity(expert),
    );
  }

  /** The expert's token, to see and hear this conversation's shopper only. */
  expertGrant(
    expert: ExpertProfile,
    room: string,
    conversation: ConversationState,
  ): Promise<MediaGrant> {
    return this.rooms.grant(
      room,
      { identity: expertIdentity(expert), name: expert.name },
      shopperIdentity(conversation),
    );
  }
}

const ROOM_PREFIX = 'conversation-';
/** A room's name ends with a dash and 8 characters of its own after the conversation's id. */
const ROOM_SUFFIX_LENGTH = 9;

/** The conversation a room was opened for, by its name; undefined for a room not named by us. */
export function conversationOfRoom(room: string): string | undefined {
  if (!room.startsWith(ROOM_PREFIX) || room.length <= ROOM_PREFIX.length + ROOM_SUFFIX_LENGTH) {
    return undefined;
  }
  return room.slice(ROOM_PREFIX.length, -ROOM_SUFFIX_LENGTH);
}

/** Who each side is in a conversation's room: what its token says, and what the other shows. */
function shopperIdentity(conversation: ConversationState): string {
  return `shopper-${conversation.id}`;
}

function expertIdentity(expert: ExpertProfile): string {
  return `expert-${expert.id}`;
}
