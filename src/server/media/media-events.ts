/**
 * What LiveKit says the media did, as the hub takes it: a webhook event whose signature was
 * checked (transport/hub-server.ts), checked again here field by field like any input, and
 * kept only when it is one the hub acts on. The same shape crosses the bus between hubs
 * (cluster/wire.ts), so it is declared once, as a schema.
 */
import * as v from 'valibot';
import type { WebhookEvent } from 'livekit-server-sdk';

const name = v.pipe(v.string(), v.nonEmpty());

export const MediaEvent = v.variant('kind', [
  /** A browser joined the room with its token. */
  v.object({ kind: v.literal('participant-joined'), room: name, participant: name }),
  /** A browser left the room, or LiveKit stopped hearing from it. */
  v.object({ kind: v.literal('participant-left'), room: name, participant: name }),
  /** The room is gone: ended by the hub, or emptied for longer than its timeouts. */
  v.object({ kind: v.literal('room-finished'), room: name }),
]);
export type MediaEvent = v.InferOutput<typeof MediaEvent>;

const KINDS = {
  participant_joined: 'participant-joined',
  participant_left: 'participant-left',
  room_finished: 'room-finished',
} as const satisfies Partial<Record<WebhookEvent['event'], MediaEvent['kind']>>;

/** The hub's event for a verified webhook, or why it has none. */
export function mediaEventOf(
  webhook: WebhookEvent,
): { event: MediaEvent; ignored?: undefined } | { event?: undefined; ignored: string } {
  const kind = KINDS[webhook.event as keyof typeof KINDS] as MediaEvent['kind'] | undefined;
  if (!kind) return { ignored: `the hub does not act on "${webhook.event}"` };
  const parsed = v.safeParse(MediaEvent, {
    kind,
    room: webhook.room?.name,
    ...(kind === 'room-finished' ? {} : { participant: webhook.participant?.identity }),
  });
  if (!parsed.success) {
    const where = parsed.issues.map((issue) => v.getDotPath(issue) ?? 'event').join(', ');
    return { ignored: `"${webhook.event}" without ${where}` };
  }
  return { event: parsed.output };
}
