/**
 * One of several hub processes serving one shop (REDIS_URL and DATABASE_URL). Any of them
 * takes browsers' sockets; one at a time runs the shop's conversations: the holder of the
 * shop's lease in PostgreSQL (storage/leader-lease.ts). The others pass their sockets' frames
 * to it over the bus and deliver what it answers, so availability, places in line, waits,
 * typing and presence are the same whichever hub a browser reaches.
 *
 * Dispatch happens once because one process, in one term, decides it, and every write of that
 * term is fenced by the term's number: a holder that lost its lease without knowing it has its
 * writes refused. When the holder goes away (killed, paused, cut off) its lease runs out,
 * another hub takes it, recovers the open conversations from storage, and every hub drops its
 * sockets so that each browser reconnects and resumes with the new holder: nothing stored is
 * lost, and each side gets again what it had not acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { encode, type Availability } from '../../protocol/index.js';
import type { Bus } from '../bus/bus.js';
import type { Hub } from '../hub.js';
import type { MediaEvent } from '../media/media-events.js';
import type { OnDuty } from '../routing/availability.js';
import { claimLease, releaseLease, type Fence, type Lease } from '../storage/leader-lease.js';
import type { SqlQuery } from '../storage/sql.js';
import { openConnection, type Connection } from '../transport/connection.js';
import type { HubNode, Log, Socket } from './node.js';
import { channels, decodeWire, encodeWire, type WireMessage } from './wire.js';

export interface ClusterOptions {
  shopId: string;
  bus: Bus;
  /** Where the lease is kept: the shop's PostgreSQL. */
  db: SqlQuery;
  /** How long a lease lasts unless renewed: a dead holder is replaced within about this. */
  leaseMs: number;
  /**
   * Makes the hub that runs the conversations in the term `fence` names (its writes fenced
   * by it) and recovers what is open. `rosterChanged` is the hub's own option.
   */
  startHub(fence: Fence, rosterChanged: () => void): Promise<Hub>;
  /** Availability from the roster the holder last said, for launchers that reach this hub. */
  availability(
    roster: readonly OnDuty[],
    topic: string | undefined,
    lang: string | undefined,
  ): Availability;
  log: Log;
  /** This process's name among the hubs; random by default. */
  id?: string;
}

/** This process runs the conversations, in one term. */
interface Term {
  readonly epoch: number;
  readonly hub: Promise<Hub>;
  /** Sockets of other hubs, by `hub:conn`, as connections of this one. */
  readonly remotes: Map<string, { hub: string; connection: Connection }>;
}

/** Frames a socket may send before anyone is known to run the conversations. */
const MAX_PENDING = 32;

interface HeldSocket {
  readonly socket: Socket;
  /** Where its frames go; none while nobody is known to run the conversations. */
  route: Connection | undefined;
  /** Its frames until then, in order. */
  readonly pending: Array<{ frame: string; bytes: number | undefined }>;
}

export class ClusterNode implements HubNode {
  readonly id: string;
  private readonly channel: ReturnType<typeof channels>;
  /** Who runs the conversations, as last seen in storage or heard on the bus. */
  private leader: Lease | undefined;
  private term: Term | undefined;
  /** The hub of the current term, once it has recovered. */
  private running: Hub | undefined;
  /** When this process last renewed its lease (its own clock): it stops leading after leaseMs. */
  private renewedAt = 0;
  private readonly sockets = new Map<number, HeldSocket>();
  private nextConn = 0;
  /** When each other hub was last heard: the holder lets go of the sockets of a silent one. */
  private readonly heard = new Map<string, number>();
  private roster: { experts: readonly OnDuty[]; at: number } = { experts: [], at: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rosterTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: Array<() => Promise<void>> = [];
  private closed = false;

  private constructor(private readonly options: ClusterOptions) {
    this.id = options.id ?? randomUUID();
    this.channel = channels(options.shopId);
  }

  /** Joins the shop's hubs: listens on the bus, then claims or learns the lease once. */
  static async join(options: ClusterOptions): Promise<ClusterNode> {
    const node = new ClusterNode(options);
    const { bus } = options;
    node.unsubscribe.push(
      await bus.subscribe(node.channel.hub(node.id), (text) => node.heardOnBus(text)),
      await bus.subscribe(node.channel.shop, (text) => node.heardOnBus(text)),
    );
    await node.tick();
    return node;
  }

  get hub(): Hub | undefined {
    return this.running;
  }

  /** How often each hub asks for the lease, says it is alive, and checks on the others. */
  private get tickMs(): number {
    return Math.max(50, Math.floor(this.options.leaseMs / 4));
  }

  connect(socket: Socket): Connection {
    const conn = ++this.nextConn;
    const held: HeldSocket = { socket, route: undefined, pending: [] };
    this.sockets.set(conn, held);
    this.route(conn, held);
    return {
      receive: async (frame, bytes) => {
        if (this.sockets.get(conn) !== held) return;
        if (held.route) return held.route.receive(frame, bytes);
        if (held.pending.length >= MAX_PENDING) {
          this.sockets.delete(conn);
          socket.drop();
          return;
        }
        held.pending.push({ frame, bytes });
      },
      closed: () => {
        if (this.sockets.get(conn) !== held) return;
        this.sockets.delete(conn);
        held.route?.closed();
      },
    };
  }

  /**
   * Sends the socket's frames where the conversations are run now: this hub's own, or the
   * holder's over the bus; nowhere yet if nobody is known to run them.
   */
  private route(conn: number, held: HeldSocket): void {
    const leader = this.leader;
    const term = this.term;
    if (!leader) return;
    if (leader.holder === this.id) {
      if (!term || term.epoch !== leader.epoch) return;
      held.route = this.local(held.socket, term);
    } else {
      held.route = this.remote(conn, leader);
    }
    for (const { frame, bytes } of held.pending.splice(0)) void held.route.receive(frame, bytes);
  }

  availability(topic: string | undefined, lang: string | undefined): Availability {
    if (this.running) return this.running.availability(topic, lang);
    // A roster not heard for two leases is the roster of a holder gone: nobody is on duty.
    const fresh = Date.now() - this.roster.at < 2 * this.options.leaseMs;
    return this.options.availability(fresh ? this.roster.experts : [], topic, lang);
  }

  health(): Record<string, unknown> {
    const lead = this.running !== undefined;
    return {
      ok: this.leader !== undefined,
      hub: this.id,
      leader: this.leader?.holder ?? null,
      term: this.leader?.epoch ?? null,
      ...(lead ? this.running!.stats() : { sockets: this.sockets.size }),
    };
  }

  /**
   * LiveKit sends its webhooks to whichever hub its load balancer picks: the event goes to the
   * hub that runs the conversations, over the bus when that is another process.
   */
  media(event: MediaEvent): void {
    const leader = this.leader;
    if (leader && leader.holder !== this.id) {
      this.options.bus.publish(
        this.channel.hub(leader.holder),
        encodeWire({ t: 'media', hub: this.id, event }),
      );
      return;
    }
    this.toOwnHub(event);
  }

  /** An event for this process's hub, once it has recovered; dropped if it runs nothing. */
  private toOwnHub(event: MediaEvent): void {
    const term = this.term;
    if (!term) {
      const reason = this.leader ? 'this hub no longer runs the conversations' : 'no holder known';
      this.options.log('cluster.media-dropped', { hub: this.id, reason, event });
      return;
    }
    term.hub.then(
      (hub) => hub.mediaEvent(event),
      () => this.options.log('cluster.media-dropped', { hub: this.id, reason: 'term over', event }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.rosterTimer);
    const term = this.term;
    this.stopLeading();
    if (term) {
      // Let the lease go now, so another hub need not wait for it to run out.
      await releaseLease(this.options.db, { shopId: this.options.shopId, epoch: term.epoch }).catch(
        (error: unknown) => this.options.log('cluster.error', { error: String(error) }),
      );
    }
    this.dropSockets();
    await Promise.allSettled(this.unsubscribe.map((stop) => stop()));
  }

  /** A socket of this hub while it runs the conversations: straight to its hub. */
  private local(socket: Socket, term: Term): Connection {
    const connection = term.hub.then((hub) =>
      openConnection(hub, { send: (message) => socket.send(encode(message)) }, this.options.log),
    );
    // A hub that could not start (its term is over already): the browser comes back later.
    connection.catch(() => socket.drop());
    return {
      receive: (frame, bytes) =>
        connection.then(
          (c) => c.receive(frame, bytes),
          () => {},
        ),
      closed: () =>
        void connection.then(
          (c) => c.closed(),
          () => {},
        ),
    };
  }

  /** A socket of this hub whose frames go to the holder over the bus. */
  private remote(conn: number, leader: Lease): Connection {
    const to = this.channel.hub(leader.holder);
    const { bus } = this.options;
    return {
      receive: (frame) => {
        bus.publish(to, encodeWire({ t: 'frame', hub: this.id, conn, epoch: leader.epoch, frame }));
        return Promise.resolve();
      },
      closed: () =>
        bus.publish(to, encodeWire({ t: 'closed', hub: this.id, conn, epoch: leader.epoch })),
    };
  }

  /**
   * Claims or renews the lease, follows who holds it, says this hub is alive, and lets go of
   * the sockets of hubs gone silent. Runs again a tick later, whatever happened.
   */
  private async tick(): Promise<void> {
    const asked = Date.now();
    try {
      const lease = await claimLease(
        this.options.db,
        this.options.shopId,
        this.id,
        this.options.leaseMs,
      );
      if (lease.holder === this.id) this.renewedAt = asked;
      this.follow(lease);
    } catch (error) {
      this.options.log('cluster.lease-error', { error: String(error) });
      // Not renewed for a whole lease: another hub may hold it by now.
      if (this.term && Date.now() - this.renewedAt >= this.options.leaseMs) {
        this.options.log('cluster.lease-lost', { hub: this.id, epoch: this.term.epoch });
        this.stopLeading();
        this.dropSockets();
      }
    }
    this.sayAlive();
    this.forgetSilentHubs();
    if (!this.closed) {
      this.timer = setTimeout(() => void this.tick(), this.tickMs);
      this.timer.unref();
    }
  }

  /** The lease as it stands now: take up or leave the conversations, drop stale sockets. */
  private follow(lease: Lease): void {
    if (this.closed) return;
    const before = this.leader;
    const changed = before?.holder !== lease.holder || before.epoch !== lease.epoch;
    if (!changed) return;
    this.leader = lease;
    this.options.log('cluster.leader', { hub: this.id, leader: lease.holder, term: lease.epoch });
    if (this.term && (lease.holder !== this.id || this.term.epoch !== lease.epoch)) {
      this.stopLeading();
    }
    // Every socket was talking to the previous term: its browser reconnects to this one.
    this.dropSockets({ routed: true });
    if (lease.holder === this.id) this.lead(lease.epoch);
    for (const [conn, held] of this.sockets) this.route(conn, held);
  }

  private lead(epoch: number): void {
    const fence: Fence = { shopId: this.options.shopId, epoch };
    const hub = this.options.startHub(fence, () => this.rosterChanged());
    const term: Term = { epoch, hub, remotes: new Map() };
    this.term = term;
    hub.then(
      (running) => {
        if (this.term === term) {
          this.running = running;
          this.sayAlive();
        } else running.close();
      },
      (error: unknown) => {
        // Could not recover (storage down, or the term already over): try again next tick.
        this.options.log('cluster.error', { hub: this.id, epoch, error: String(error) });
        if (this.term === term) {
          this.term = undefined;
          this.leader = undefined;
          this.dropSockets({ routed: true });
        }
      },
    );
  }

  private stopLeading(): void {
    const term = this.term;
    if (!term) return;
    this.term = undefined;
    this.running = undefined;
    term.remotes.clear();
    void term.hub.then(
      (hub) => hub.close(),
      () => {},
    );
  }

  /**
   * Closes the sockets this hub holds (only those already sent somewhere, with `routed`):
   * each browser reconnects and resumes.
   */
  private dropSockets({ routed = false } = {}): void {
    for (const [conn, held] of this.sockets) {
      if (routed && !held.route) continue;
      this.sockets.delete(conn);
      held.socket.drop();
    }
  }

  private heardOnBus(text: string): void {
    const message = decodeWire(text);
    if (!message) {
      this.options.log('cluster.bad-message', { hub: this.id, bytes: text.length });
      return;
    }
    switch (message.t) {
      case 'frame':
      case 'closed':
        return this.fromRemote(message);
      case 'out':
        return this.sockets.get(message.conn)?.socket.send(message.frame);
      case 'media':
        return this.toOwnHub(message.event);
      case 'alive':
        if (message.hub === this.id) return;
        this.heard.set(message.hub, Date.now());
        if (message.lead && message.lead.epoch >= (this.leader?.epoch ?? 0)) {
          this.roster = { experts: message.lead.roster, at: Date.now() };
          if (!this.leader || message.lead.epoch > this.leader.epoch) {
            // Heard before the next tick would have seen it in storage.
            this.follow({ holder: message.hub, epoch: message.lead.epoch });
          }
        }
        return;
    }
  }

  /** A frame or a close from another hub's socket, for this hub's term if it is still on. */
  private fromRemote(message: Extract<WireMessage, { t: 'frame' | 'closed' }>): void {
    const term = this.term;
    if (!term || term.epoch !== message.epoch) return;
    this.heard.set(message.hub, Date.now());
    const key = `${message.hub}:${message.conn}`;
    let remote = term.remotes.get(key);
    if (message.t === 'closed') {
      term.remotes.delete(key);
      remote?.connection.closed();
      return;
    }
    if (!remote) {
      const to = this.channel.hub(message.hub);
      const conn = message.conn;
      const bus = this.options.bus;
      const connection = term.hub.then((hub) =>
        openConnection(
          hub,
          { send: (out) => bus.publish(to, encodeWire({ t: 'out', conn, frame: encode(out) })) },
          this.options.log,
        ),
      );
      remote = {
        hub: message.hub,
        connection: {
          receive: (frame, bytes) =>
            connection.then(
              (c) => c.receive(frame, bytes),
              () => {},
            ),
          closed: () =>
            void connection.then(
              (c) => c.closed(),
              () => {},
            ),
        },
      };
      term.remotes.set(key, remote);
    }
    void remote.connection.receive(message.frame, Buffer.byteLength(message.frame));
  }

  /**
   * The holder closes the sockets of a hub not heard for a lease (killed, cut off): their
   * browsers have the grace period to come back through another hub.
   */
  private forgetSilentHubs(): void {
    const term = this.term;
    if (!term) return;
    const silentSince = Date.now() - this.options.leaseMs;
    for (const [key, remote] of term.remotes) {
      if ((this.heard.get(remote.hub) ?? 0) < silentSince) {
        term.remotes.delete(key);
        remote.connection.closed();
      }
    }
  }

  private sayAlive(): void {
    if (this.closed) return;
    const lead =
      this.running && this.term
        ? { epoch: this.term.epoch, roster: this.running.roster() }
        : undefined;
    this.options.bus.publish(
      this.channel.shop,
      encodeWire({ t: 'alive', hub: this.id, ...(lead ? { lead } : {}) }),
    );
  }

  /** The roster changed on this holder's hub: the other hubs hear of it soon, once. */
  private rosterChanged(): void {
    if (this.rosterTimer) return;
    this.rosterTimer = setTimeout(() => {
      this.rosterTimer = undefined;
      this.sayAlive();
    }, 100);
    this.rosterTimer.unref();
  }
}
