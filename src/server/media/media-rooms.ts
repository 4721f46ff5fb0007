/**
 * The hub's side of LiveKit: one room per conversation, and tokens that open that room only.
 * The API key and secret never leave this file's caller; browsers get short-lived join tokens.
 */
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type { MediaGrant } from '../../protocol/index.js';

export interface LiveKitCredentials {
  /** ws(s):// URL browsers connect to. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export interface Participant {
  identity: string;
  name: string;
}

/** Join tokens live minutes: long enough to join during a ring, useless if leaked later. */
const TOKEN_TTL_SECONDS = 10 * 60;
/** How much longer than the hub's reconnect grace LiveKit keeps a room its last side left. */
const DEPARTURE_MARGIN_SECONDS = 10;

export class MediaRooms {
  private readonly service: RoomServiceClient;
  private readonly departureTimeout: number;

  /**
   * `reconnectGraceMs` is the hub's: how long a conversation waits for a side that dropped.
   * LiveKit finishes a room that its last participant left after the room's departure timeout,
   * and the hub takes a finished room under a live call as media lost (`Hub.mediaEvent`). So
   * the room must outlive the grace: both sides may drop and come back within it, and find
   * their call still there; past it, the hub ends the conversation itself.
   */
  constructor(
    private readonly livekit: LiveKitCredentials,
    reconnectGraceMs: number,
  ) {
    this.departureTimeout = Math.ceil(reconnectGraceMs / 1000) + DEPARTURE_MARGIN_SECONDS;
    this.service = new RoomServiceClient(
      livekit.url.replace(/^ws/, 'http'),
      livekit.apiKey,
      livekit.apiSecret,
    );
  }

  /**
   * Creates the room of one conversation, closed soon if unused. Who may join is decided by the
   * tokens (one identity per side), not by a participant cap: a cap of two would refuse a
   * shopper rejoining from the shop's next page while LiveKit still holds their old seat.
   */
  async open(room: string): Promise<void> {
    await this.service.createRoom({
      name: room,
      emptyTimeout: 60,
      departureTimeout: this.departureTimeout,
    });
  }

  /** Ends the room, which disconnects whoever is still in it. Closing a gone room is fine. */
  async close(room: string): Promise<void> {
    try {
      await this.service.deleteRoom(room);
    } catch (error) {
      if (!/not.?found/i.test(String(error))) throw error;
    }
  }

  /**
   * A token that joins `room` as `who` and nothing else: no admin, no other room, no data
   * channel. `peer` is the identity of the other side, the one participant the browser shows.
   */
  async grant(room: string, who: Participant, peer: string): Promise<MediaGrant> {
    const token = new AccessToken(this.livekit.apiKey, this.livekit.apiSecret, {
      identity: who.identity,
      name: who.name,
      ttl: TOKEN_TTL_SECONDS,
    });
    token.addGrant({
      room,
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    return { url: this.livekit.url, token: await token.toJwt(), room, peer };
  }
}
