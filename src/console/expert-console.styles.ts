import { css } from 'lit';

/**
 * The console fills the width it is given: the conversations on the left, the one in front in
 * the middle, the shopper's context on the right; on a tablet in portrait the context goes
 * under, on a phone everything is one column. Targets are 44 px at least, for touch.
 */
export const consoleStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 16px;
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.08);
    line-height: 1.45;
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
    margin-bottom: 12px;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0;
    flex: 1;
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 8px;
    display: flex;
    align-items: center;
    gap: 8px;
  }
  p {
    margin: 0;
  }
  .muted,
  .empty {
    color: var(--_muted);
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
  }
  .status::before {
    content: '';
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_line-strong);
  }
  .status.available::before {
    background: var(--_success);
  }
  .status[data-status='ringing']::before {
    background: var(--_accent);
  }
  .status[data-status='in-call']::before,
  .status[data-status='in-chat']::before {
    background: var(--_danger);
  }
  .sign-in {
    display: flex;
    flex-direction: column;
    gap: 10px;
    max-width: 320px;
    margin: 12px 0;
  }
  input {
    font: inherit;
    padding: 0.6em 0.8em;
    border-radius: 8px;
    border: 1px solid var(--_line-strong);
    min-height: 44px;
  }
  .desk {
    display: grid;
    grid-template-columns: minmax(180px, 230px) minmax(0, 1fr) minmax(200px, 260px);
    grid-template-areas: 'list conversation context';
    gap: 16px;
    align-items: start;
  }
  .list {
    grid-area: list;
  }
  .conversation {
    grid-area: conversation;
    min-width: 0;
  }
  .context {
    grid-area: context;
    border: 1px solid var(--_line);
    border-radius: 12px;
    padding: 12px;
  }
  .context .products {
    margin-top: 16px;
    padding-top: 12px;
    border-top: 1px solid var(--_line);
  }
  /* Nothing held: the conversation column takes the list's place. */
  .desk:not(:has(.list)) {
    grid-template-columns: minmax(0, 1fr) minmax(200px, 260px);
    grid-template-areas: 'conversation context';
  }
  /*
   * In a call (one conversation, no list): the picture and the chat side by side across the
   * width, the shopper's context under them.
   */
  .desk:has(.call[data-media='call']) {
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'conversation' 'context';
  }
  @container (max-width: 860px) {
    .desk,
    .desk:not(:has(.list)) {
      grid-template-columns: minmax(180px, 240px) minmax(0, 1fr);
      grid-template-areas: 'list conversation' 'list context';
    }
    .desk:not(:has(.list)) {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'conversation' 'context';
    }
  }
  @container (max-width: 640px) {
    .desk {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'list' 'conversation' 'context';
    }
  }
  .notice {
    margin-bottom: 12px;
  }
  .ring {
    border: 2px solid var(--_accent);
    border-radius: 12px;
    padding: 16px;
    display: grid;
    gap: 10px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .ring {
      animation: ring-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes ring-pulse {
    to {
      box-shadow: 0 0 0 6px color-mix(in srgb, var(--_accent) 25%, transparent);
    }
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: 10px;
    flex-wrap: wrap;
  }
  .call {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .call[data-media='call'] {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr);
    align-items: stretch;
  }
  @container (max-width: 700px) {
    .call[data-media='call'] {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .stage-column {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 8px;
    border-radius: 12px;
    background: var(--_stage);
  }
  ec-call-stage {
    aspect-ratio: 4 / 3;
    max-height: 60vh;
  }
  .mark-hint {
    margin: 0;
    font-size: 0.85em;
    color: var(--_stage-text, #c9d1d9);
    text-align: center;
  }
  ec-chat {
    min-height: 320px;
    max-height: 70vh;
  }
  .bar {
    display: flex;
    justify-content: center;
    gap: 6px;
  }
  .control {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 2px;
    min-width: 64px;
    max-width: 110px;
    flex: 1 1 0;
    min-height: 56px;
    padding: 6px 4px;
    border-radius: 12px;
    background: var(--_control);
    color: var(--_on-control);
    font-size: 0.8rem;
    line-height: 1.2;
  }
  .control.off {
    background: var(--_control-off);
    color: var(--_on-control-off);
  }
  /* A toggle that is on (blur, screen share) shows inverted. */
  .control[aria-pressed='true'] {
    background: var(--_on-control);
    color: var(--_control);
  }
  .control.hang-up {
    background: var(--_danger);
    color: #fff;
  }
  .bar.compact {
    justify-content: flex-end;
  }
  .bar.compact .control {
    flex: 0 1 auto;
    max-width: none;
    padding: 6px 14px;
    background: var(--_surface-raised);
    color: var(--_text);
    border-color: var(--_line-strong);
  }
  .bar.compact .control.hang-up {
    background: var(--_danger);
    color: #fff;
  }
  .conversations {
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin: 0;
    padding: 0;
  }
  @container (max-width: 640px) {
    .conversations {
      flex-direction: row;
      overflow-x: auto;
    }
    .conversations li {
      flex: 0 0 auto;
      width: min(220px, 70%);
    }
  }
  .conversations button {
    width: 100%;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 8px;
    text-align: start;
    padding: 8px 12px;
    border-radius: 10px;
    border: 1px solid var(--_line);
    background: var(--_surface);
    color: inherit;
  }
  .conversations button[aria-current='true'] {
    border-color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent);
    background: var(--_surface-raised);
  }
  .who {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .who .icon {
    width: 18px;
    height: 18px;
  }
  .verified {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.2em;
    height: 1.2em;
    margin-inline-start: 4px;
    border-radius: 50%;
    background: var(--_success);
    color: var(--_surface);
    font-size: 0.8em;
    font-weight: 700;
    vertical-align: middle;
  }
  .mode,
  .product,
  .waiting {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .product,
  .waiting {
    grid-column: 1;
  }
  .waiting {
    color: var(--_danger-text);
    font-weight: 600;
  }
  .unread {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
    min-width: 1.6em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.85em;
    font-weight: 700;
    text-align: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* The queues: one line under the header, always in view, each queue a chip. */
  .queues {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px 12px;
    margin-bottom: 12px;
    font-size: 0.92rem;
  }
  .queues h3 {
    margin: 0;
    font-size: 0.92rem;
  }
  .queues p {
    margin: 0;
  }
  .queues ul {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .queues li {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 6px;
    padding: 4px 10px;
    border-radius: 999px;
    background: var(--_notice);
  }
  .ratings {
    margin-top: 20px;
    padding-top: 16px;
    border-top: 1px solid var(--_line);
  }
  .ratings h3 {
    margin: 0 0 8px;
  }
  .ratings ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .ratings li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
  }
  .ratings .stars {
    color: var(--_accent);
    letter-spacing: 1px;
  }
  .ratings .unlit {
    color: var(--_line-strong);
  }
  .ratings q {
    overflow-wrap: anywhere;
  }
  /* French quotes hold the words with narrow no-break spaces: « ainsi ». */
  .ratings q:lang(fr) {
    quotes: '«\\202F' '\\202F»';
  }
  .requests {
    display: block;
    margin-top: 20px;
    padding-top: 16px;
    border-top: 1px solid var(--_line);
  }
`;
