/**
 * What hub processes say to each other on the bus, and on which channels. Each hub listens on
 * its own channel (frames for the sockets it holds, and, while it runs the shop's
 * conversations, frames from the other hubs' sockets) and on the shop's channel (who is alive,
 * who runs the conversations, who is on duty). Messages are checked on arrival like a
 * browser's: a message that does not fit is dropped with a log line, never trusted.
 */
import * as v from 'valibot';
import { MediaEvent } from '../media/media-events.js';

/** A socket is named by the hub that holds it and a number of that hub's. */
const Origin = { hub: v.string(), conn: v.number() };

const strings = v.pipe(v.array(v.string()), v.readonly());
const OnDuty = v.object({
  topics: strings,
  languages: strings,
  ring: v.boolean(),
  free: v.boolean(),
});

export const WireMessage = v.variant('t', [
  /** A browser's frame, for the hub that runs the conversations in term `epoch`. */
  v.object({ t: v.literal('frame'), ...Origin, epoch: v.number(), frame: v.string() }),
  /** A browser's socket closed (it has the grace period to come back). */
  v.object({ t: v.literal('closed'), ...Origin, epoch: v.number() }),
  /** What LiveKit told hub `hub` the media did, for the hub that runs the conversations. */
  v.object({ t: v.literal('media'), hub: v.string(), event: MediaEvent }),
  /** A frame for a socket this hub holds. */
  v.object({ t: v.literal('out'), conn: v.number(), frame: v.string() }),
  /**
   * On the shop's channel, from each hub, a few times a lease: alive; and from the one that
   * runs the conversations, its term and the experts on duty.
   */
  v.object({
    t: v.literal('alive'),
    hub: v.string(),
    lead: v.optional(
      v.object({ epoch: v.number(), roster: v.pipe(v.array(OnDuty), v.readonly()) }),
    ),
  }),
]);
export type WireMessage = v.InferOutput<typeof WireMessage>;

export const channels = (shopId: string) => ({
  shop: `expert-call:${shopId}:hubs`,
  hub: (hubId: string) => `expert-call:${shopId}:hub:${hubId}`,
});

export function decodeWire(text: string): WireMessage | undefined {
  try {
    const parsed = v.safeParse(WireMessage, JSON.parse(text));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

export const encodeWire = (message: WireMessage): string => JSON.stringify(message);
