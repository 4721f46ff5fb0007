import { css } from 'lit';

export const requestListStyles = css`
  :host {
    display: block;
  }
  h3 {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 1rem;
    margin: 0 0 8px;
  }
  h3:focus {
    outline: none;
  }
  .count {
    min-width: 1.6em;
    padding: 0 0.45em;
    border-radius: 999px;
    background: var(--_accent, #0b5fff);
    color: var(--_on-accent, #fff);
    font-size: 0.85em;
    text-align: center;
  }
  .count[data-count='0'] {
    background: var(--_bubble, #eef1f4);
    color: var(--_muted, #57606a);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .empty {
    color: var(--_muted, #57606a);
    margin: 0 0 8px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    gap: 6px 16px;
    padding: 10px 12px;
    border: 1px solid var(--_line, #d0d7de);
    border-radius: 10px;
  }
  li:focus-visible {
    outline: 3px solid var(--_accent, #0b5fff);
    outline-offset: 2px;
  }
  li.overdue {
    border-left: 4px solid var(--_danger, #c62828);
  }
  li:not([data-status='to-do']) {
    background: var(--_surface-raised, #f6f8fa);
    border-color: transparent;
    color: var(--_muted, #57606a);
  }
  li:not([data-status='to-do']) a {
    color: inherit;
  }
  .what {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
  }
  .kind {
    font-weight: 600;
  }
  .who {
    overflow-wrap: anywhere;
  }
  .meta {
    font-size: 0.85rem;
    color: var(--_muted, #57606a);
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 2px 12px;
    margin: 4px 0 0;
  }
  dt {
    color: var(--_muted, #57606a);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .late {
    color: var(--_danger, #c62828);
    font-weight: 600;
    margin-inline-start: 6px;
  }
  /* The shopper's own line breaks are kept; a long message scrolls rather than fills the page. */
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
    margin: 6px 0 0;
    padding: 6px 10px;
    border-radius: 8px;
    background: var(--_bubble, #eef1f4);
    max-height: 12em;
    overflow-y: auto;
  }
  li:not([data-status='to-do']) .text {
    background: none;
    padding-inline: 0;
  }
  .action {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .handled {
    font-weight: 600;
  }
  @media (max-width: 560px) {
    li {
      grid-template-columns: 1fr;
    }
  }
`;
