import { html, nothing } from 'lit';

/**
 * How many messages came unread, as a badge: the number shown, and said in words to screen
 * readers (`said`, e.g. "3 unread messages"). Nothing when there are none. `className` is the
 * caller's own style for it.
 */
export function unreadCount(count: number, said: string, className: string) {
  if (!count) return nothing;
  return html`<span class=${className} data-unread=${count}
    ><span aria-hidden="true">${count}</span><span class="visually-hidden">${said}</span></span
  >`;
}
