/**
 * What moves between hub processes: a message on a channel, to whoever listens now. Nothing is
 * kept for a listener that is not there (a hub that is down misses what was said meanwhile):
 * what must last is in storage, and a browser whose hub changed resumes from it.
 *
 * Messages of one publisher on one channel arrive in the order they were published.
 */
export interface Bus {
  publish(channel: string, message: string): void;
  /** Calls `listener` with each message on `channel` until the returned function is called. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
