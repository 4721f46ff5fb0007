/**
 * LiveKit's webhooks as LiveKit sends them: a JSON body, and an Authorization header holding a
 * token signed with the API key and secret that carries the body's SHA-256.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { AccessToken } from 'livekit-server-sdk';
import { WEBHOOK_PATH } from '../../src/server/transport/hub-server.js';

/** The Authorization header LiveKit would send with `body`, signed with `key`. */
export async function signature(
  body: string,
  key: { apiKey: string; apiSecret: string },
): Promise<string> {
  const token = new AccessToken(key.apiKey, key.apiSecret, { ttl: 60 });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

/**
 * Posts `body` to the hub's webhook URL, in one piece with its length, or (`chunked`) in
 * pieces with no length said beforehand; resolves with the status the hub answered.
 */
export function postWebhook(
  hubUrl: string,
  body: string,
  options: { authorization?: string; chunked?: boolean } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(`${hubUrl}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/webhook+json',
        ...(options.authorization ? { authorization: options.authorization } : {}),
        ...(options.chunked ? {} : { 'content-length': Buffer.byteLength(body) }),
      },
    });
    sent.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The hub may close the connection before all of a body it refused has gone out.
    sent.on('error', (error) => (sent.writableEnded ? undefined : reject(error)));
    if (options.chunked) {
      const piece = 8 * 1024;
      for (let at = 0; at < body.length; at += piece) sent.write(body.slice(at, at + piece));
    } else sent.write(body);
    sent.end();
  });
}
