/**
 * The ticket a side of a live conversation gets (over its socket) to send one photo by HTTP:
 * a JWT naming the conversation and the side, valid a few minutes. Signed with the hub's
 * session secret, which every hub of a shop shares, so any of them takes the upload; its own
 * audience keeps it from ever passing for an expert's session, and a session for it.
 */
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'expert-call';
const AUDIENCE = 'photo-upload';
/** Long enough for a slow phone to send a few megabytes; short enough to be worthless later. */
export const PHOTO_TICKET_SECONDS = 5 * 60;

export interface PhotoTicket {
  conversationId: string;
  author: 'shopper' | 'expert';
}

export class PhotoTickets {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(ticket: PhotoTicket, now = Date.now()): Promise<string> {
    const seconds = Math.floor(now / 1000);
    return new SignJWT({ author: ticket.author })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ticket.conversationId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + PHOTO_TICKET_SECONDS)
      .sign(this.key);
  }

  /** The ticket's conversation and side; undefined for a forged, altered or expired ticket. */
  async check(token: string): Promise<PhotoTicket | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
      });
      const author = payload['author'];
      if (author !== 'shopper' && author !== 'expert') return undefined;
      return { conversationId: payload.sub!, author };
    } catch {
      return undefined;
    }
  }
}
