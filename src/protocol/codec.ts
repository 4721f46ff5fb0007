/**
 * Turning frames into messages and back, with the reason of every refusal.
 * Used by the hub for what browsers send and by browsers for what the hub sends.
 */
import * as v from 'valibot';
import {
  ClientMessage,
  fitText,
  MAX_FRAME_BYTES,
  ServerMessage,
  type ErrorReason,
} from './messages.js';

export type Decoded<T> =
  { ok: true; message: T } | { ok: false; reason: ErrorReason; detail: string; ref?: string };

/**
 * The longest `detail`. It goes back to the sender as an error frame's `message` (at most 500
 * characters, or the browser cannot read the refusal), and a validator's words may quote what
 * was received, which can be as long as the frame.
 */
export const MAX_DETAIL_LENGTH = 300;

const clientTypes = new Set(ClientMessage.options.map((o) => o.entries.type.literal));
const serverTypes = new Set(ServerMessage.options.map((o) => o.entries.type.literal));

function decode<T>(
  schema: v.GenericSchema<unknown, T>,
  known: Set<string>,
  frame: string,
  byteLength: number,
): Decoded<T> {
  if (byteLength > MAX_FRAME_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `Frame of ${byteLength} bytes is over the ${MAX_FRAME_BYTES}-byte limit.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(frame);
  } catch {
    return { ok: false, reason: 'bad-json', detail: 'Frame is not valid JSON.' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'invalid-message', detail: 'A message is a JSON object.' };
  }
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || !known.has(type)) {
    return {
      ok: false,
      reason: 'unknown-type',
      detail:
        typeof type === 'string'
          ? `Unknown message type "${type.slice(0, 64)}".`
          : 'A message needs a string "type".',
    };
  }
  const parsed = v.safeParse(schema, data);
  if (!parsed.success) {
    // Valibot gives at least one issue; every check of a message is on a field, so it has a path.
    const [issue] = parsed.issues;
    // Stryker disable next-line StringLiteral: equivalent, the '' of a path that is never missing
    const path = v.getDotPath(issue) ?? '';
    const detail = `Invalid "${type}" at ${path}: ${issue.message}.`;
    return {
      ok: false,
      reason: 'invalid-message',
      ref: type,
      detail:
        detail.length > MAX_DETAIL_LENGTH ? `${fitText(detail, MAX_DETAIL_LENGTH - 1)}…` : detail,
    };
  }
  return { ok: true, message: parsed.output };
}

/** Reads a frame a browser sent to the hub. */
export function decodeClientFrame(frame: string, byteLength = byteLengthOf(frame)) {
  return decode(ClientMessage, clientTypes, frame, byteLength);
}

/** Reads a frame the hub sent to a browser. */
export function decodeServerFrame(frame: string) {
  return decode(ServerMessage, serverTypes, frame, 0);
}

export function encode(message: ClientMessage | ServerMessage): string {
  return JSON.stringify(message);
}

function byteLengthOf(frame: string): number {
  return new TextEncoder().encode(frame).byteLength;
}
