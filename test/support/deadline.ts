/**
 * Bounded waits for tests, in Node and in the browser. A regression must fail with a message
 * that says what never came, not hang until CI's own limit cuts it off without a word.
 */

/**
 * How long a test waits for one thing (a frame, a state, a selector) unless it says otherwise:
 * 15 s, or `TEST_WAIT_MS` from the environment (mutation testing shortens it).
 */
export const WAIT_MS = Number(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[
    'TEST_WAIT_MS'
  ] ?? 15_000,
);

/** A wait that ran out: its message says what was awaited and what was seen instead. */
export class DeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineError';
  }
}

/**
 * `work`, or a {@link DeadlineError} after `ms`, whichever comes first. `what` describes the
 * wait; a function is read only when the deadline passes, so it can report the latest state.
 */
export async function within<T>(
  ms: number,
  what: string | (() => string),
  work: Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DeadlineError(`${typeof what === 'string' ? what : what()}: not within ${ms} ms`),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls `probe` until its value `holds`, then returns that value; after `timeoutMs`, fails with
 * `what` and the last value seen.
 */
export async function until<T>(
  probe: () => T | Promise<T>,
  holds: (value: T) => boolean,
  options: { what: string; timeoutMs?: number; everyMs?: number },
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? WAIT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (holds(value)) return value;
    if (Date.now() >= deadline) {
      throw new DeadlineError(
        `${options.what}: not within ${timeoutMs} ms; last seen: ${describe(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 50));
  }
}

function describe(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 500 ? `${json.slice(0, 500)}…` : json;
  } catch {
    return String(value);
  }
}
