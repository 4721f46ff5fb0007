import type { ChatEntry } from '../core/chat-log.js';

/**
 * A conversation's transcript as plain text, for the shopper to keep: one line per message with
 * its time and author, links as written (so they stay usable), system lines in brackets.
 */
export function transcriptText(
  entries: readonly ChatEntry[],
  options: {
    lang: string;
    title: string;
    you: string;
    system: (event: string, name: string) => string;
  },
): string {
  const day = new Intl.DateTimeFormat(options.lang, { dateStyle: 'full' });
  const time = new Intl.DateTimeFormat(options.lang, { timeStyle: 'short' });
  const first = entries[0];
  const lines = [options.title, first ? day.format(first.at) : '', ''];
  for (const entry of entries) {
    if (entry.author === 'system') {
      lines.push(`[${time.format(entry.at)}] (${options.system(entry.text, entry.authorName)})`);
    } else {
      const who = entry.mine ? options.you : entry.authorName;
      lines.push(`[${time.format(entry.at)}] ${who}: ${entry.text.replace(/\n/g, '\n    ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
