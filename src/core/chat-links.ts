/**
 * A chat message's text cut into plain text and links. Only `http://` and `https://` addresses
 * become links: any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`…) stays text,
 * and so does everything around a link. A link's trailing punctuation (the end of a sentence)
 * stays text too.
 */

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

const LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'link', href: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
