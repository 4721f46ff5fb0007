/**
 * A hub process as the network sees it: it takes browsers' sockets and answers launchers'
 * availability, whether it runs the shop's conversations itself (one hub on its own, or the
 * lease holder of several) or passes its sockets' frames to the hub that does.
 */
import { encode, type Availability } from '../../protocol/index.js';
import type { Hub } from '../hub.js';
import type { MediaEvent } from '../media/media-events.js';
import { openConnection, type Connection } from '../transport/connection.js';

/** A browser's socket, as the transport gives it to the node. */
export interface Socket {
  /** Sends one encoded frame. */
  send(frame: string): void;
  /**
   * Closes the socket so that the browser reconnects and resumes (the hub that runs its
   * conversation changed, or is not known yet).
   */
  drop(): void;
}

export interface HubNode {
  connect(socket: Socket): Connection;
  availability(topic: string | undefined, lang: string | undefined): Availability;
  health(): Record<string, unknown>;
  /** What LiveKit says the media did (a verified webhook), for the hub that runs the calls. */
  media(event: MediaEvent): void;
  /** The hub, while this process runs the shop's conversations. */
  readonly hub: Hub | undefined;
  close(): Promise<void>;
}

export type Log = (event: string, fields?: Record<string, unknown>) => void;

/** One hub on its own: it runs every conversation of the shop, with nobody to agree with. */
export class SoleNode implements HubNode {
  constructor(
    readonly hub: Hub,
    private readonly log: Log,
  ) {}

  connect(socket: Socket): Connection {
    return openConnection(this.hub, { send: (message) => socket.send(encode(message)) }, this.log);
  }

  availability(topic: string | undefined, lang: string | undefined): Availability {
    return this.hub.availability(topic, lang);
  }

  health(): Record<string, unknown> {
    return { ok: true, ...this.hub.stats() };
  }

  media(event: MediaEvent): void {
    this.hub.mediaEvent(event);
  }

  close(): Promise<void> {
    this.hub.close();
    return Promise.resolve();
  }
}
