/**
 * Photos over HTTP: `POST /photos` takes one photo's bytes with a ticket the hub gave a side
 * of a live conversation over its socket (photo-tickets.ts), checks by its bytes that it is a
 * picture, strips its metadata (images.ts) and stores it; `GET /photos/<id>` serves it to
 * whoever has its id, which only the conversation's two sides are sent (in the transcript).
 * Each refusal says why, as `{ error, message }`, so the shopper's panel can say it in words.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './http-body.js';
import type { PhotoStore } from '../photos/photo-store.js';
import { TooManyPhotosError } from '../photos/photo-store.js';
import { cleanPhoto, NotAPhotoError } from '../photos/images.js';
import type { PhotoTickets } from '../photos/photo-tickets.js';

/** The largest photo taken, in bytes: the panel sends a few hundred kilobytes; a raw camera file fits. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** Why a photo was refused (the `error` of the answer's JSON). */
export type PhotoRefusal = 'ticket' | 'too-large' | 'not-a-photo' | 'too-many';

export interface PhotoRoutes {
  /** Answers the request if it is one of the photos' (true), or leaves it (false). */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): boolean;
}

export function photoRoutes(options: {
  store: PhotoStore;
  tickets: PhotoTickets;
  /** Whether a page of this origin may send photos (the shop's allowed origins). */
  allowed: (origin: string | undefined) => boolean;
  log: (event: string, fields?: Record<string, unknown>) => void;
}): PhotoRoutes {
  const { store, tickets, allowed, log } = options;

  /** The shop's page sends from its own origin: it may read the answer if that origin is allowed. */
  const cors = (request: IncomingMessage): Record<string, string> => {
    const origin = request.headers.origin;
    return origin && allowed(origin)
      ? { 'access-control-allow-origin': origin, vary: 'origin' }
      : {};
  };

  const answer = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: object,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...cors(request),
      ...headers,
    });
    response.end(JSON.stringify(body));
  };
  const refuse = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    error: PhotoRefusal,
    message: string,
  ) =>
    answer(
      request,
      response,
      status,
      { error, message },
      status === 413 ? { connection: 'close' } : {},
    );

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const auth = request.headers.authorization ?? '';
    const ticket = auth.startsWith('Bearer ') ? await tickets.check(auth.slice(7)) : undefined;
    if (!ticket) {
      return refuse(
        request,
        response,
        401,
        'ticket',
        'This photo ticket is not valid (or has expired): ask the hub for a new one.',
      );
    }
    const bytes = await readBody(request, MAX_PHOTO_BYTES);
    if (bytes === undefined) {
      return refuse(
        request,
        response,
        413,
        'too-large',
        `A photo is at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`,
      );
    }
    let photo;
    try {
      photo = cleanPhoto(bytes);
    } catch (error) {
      if (!(error instanceof NotAPhotoError)) throw error;
      return refuse(request, response, 415, 'not-a-photo', error.message);
    }
    try {
      const saved = await store.save(ticket.conversationId, ticket.author, photo);
      log('photo.stored', { conversation: ticket.conversationId, bytes: photo.bytes.length });
      answer(request, response, 201, saved);
    } catch (error) {
      if (!(error instanceof TooManyPhotosError)) throw error;
      refuse(request, response, 409, 'too-many', error.message);
    }
  }

  async function serve(response: ServerResponse, id: string): Promise<void> {
    const photo = /^[A-Za-z0-9_-]{22}$/.test(id) ? await store.get(id) : undefined;
    if (!photo) {
      response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      response.end('No such photo: it may have been deleted with its conversation.\n');
      return;
    }
    response.writeHead(200, {
      'content-type': photo.type,
      'content-length': String(photo.bytes.length),
      // A photo never changes under its id; only its two sides' browsers keep it.
      'cache-control': 'private, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      // Shown in the shop's page, which is of another origin.
      'cross-origin-resource-policy': 'cross-origin',
      'referrer-policy': 'no-referrer',
    });
    response.end(photo.bytes);
  }

  const failed = (response: ServerResponse) => (error: unknown) => {
    log('photo.failed', { error: String(error) });
    if (response.headersSent) return void response.destroy();
    response.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    response.end('The hub could not handle this photo now: try again in a moment.\n');
  };

  return {
    handle(request, response, url) {
      if (url.pathname === '/photos') {
        if (request.method === 'OPTIONS') {
          response.writeHead(204, {
            ...cors(request),
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'authorization, content-type',
            'access-control-max-age': '600',
          });
          response.end();
          return true;
        }
        if (request.method === 'POST') {
          upload(request, response).catch(failed(response));
          return true;
        }
      }
      const id = /^\/photos\/([^/]+)$/.exec(url.pathname)?.[1];
      if (id !== undefined && request.method === 'GET') {
        serve(response, id).catch(failed(response));
        return true;
      }
      return false;
    },
  };
}
