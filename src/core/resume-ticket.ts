/**
 * The shopper's way back to a conversation from the shop's next page. Apart from the
 * conversation's logic so that the launcher (and its public types) can name it without pulling
 * in media and livekit-client.
 */
import type { CallMode } from '../protocol/index.js';

/** What it takes to come back to a conversation. */
export interface ResumeTicket {
  conversationId: string;
  resumeToken: string;
  mode: CallMode;
}

/** Where the ticket is kept between pages (the widget uses sessionStorage). */
export interface TicketStore {
  load(): ResumeTicket | null;
  save(ticket: ResumeTicket | null): void;
}
