/**
 * The bus between hub processes: Redis publish/subscribe (REDIS_URL). One connection publishes
 * and one listens, as Redis requires; both reconnect on their own after a cut, and what was
 * published meanwhile is lost, as the bus's contract says.
 */
import { createClient, type RedisClientType } from '@redis/client';
import type { Bus } from './bus.js';

type Log = (event: string, fields?: Record<string, unknown>) => void;

export class RedisBus implements Bus {
  private constructor(
    private readonly publisher: RedisClientType,
    private readonly listener: RedisClientType,
  ) {}

  /** `name` names both connections on the Redis server (`CLIENT LIST`), for operators. */
  static async connect(
    url: string,
    log: Log = () => {},
    name = 'expert-call-hub',
  ): Promise<RedisBus> {
    let started = false;
    const publisher: RedisClientType = createClient({
      url,
      name,
      socket: {
        connectTimeout: 5_000,
        // Once running, try again and again; at start, a Redis that does not answer is a
        // setting to fix, said at once rather than retried for ever.
        reconnectStrategy: (retries, cause) =>
          started ? Math.min(50 * 2 ** retries, 2000) : cause,
      },
    });
    const listener: RedisClientType = publisher.duplicate();
    for (const [role, client] of [
      ['publisher', publisher],
      ['listener', listener],
    ] as const) {
      // Without a listener, a dropped connection's error would stop the process.
      client.on('error', (error: unknown) =>
        log('bus.error', { client: role, error: String(error) }),
      );
    }
    try {
      await Promise.all([publisher.connect(), listener.connect()]);
      started = true;
    } catch (error) {
      publisher.destroy();
      listener.destroy();
      throw new Error(`REDIS_URL: cannot reach Redis at ${url} (${String(error)}).`, {
        cause: error,
      });
    }
    return new RedisBus(publisher, listener);
  }

  publish(channel: string, message: string): void {
    // Fire and forget, as pub/sub is; a publish lost to a cut is a message lost to a cut.
    this.publisher.publish(channel, message).catch(() => {});
  }

  async subscribe(
    channel: string,
    listener: (message: string) => void,
  ): Promise<() => Promise<void>> {
    await this.listener.subscribe(channel, listener);
    return async () => {
      await this.listener.unsubscribe(channel, listener);
    };
  }

  /**
   * Adds one to a counter every hub shares, kept `windowSeconds` from its first count, and
   * returns its value: what limits a client across hubs (transport/limits.ts).
   */
  async count(key: string, windowSeconds: number): Promise<number> {
    const [value] = await this.publisher.multi().incr(key).expire(key, windowSeconds, 'NX').exec();
    return Number(value);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.close(), this.listener.close()]);
  }
}
