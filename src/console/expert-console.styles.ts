import { css } from 'lit';

export const consoleStyles = css`
  :host {
    display: block;
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 20px;
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.08);
    line-height: 1.45;
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
    margin-bottom: 16px;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0;
    flex: 1;
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
    background: #9aa3ad;
  }
  .status.available::before {
    background: #1f9d55;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 10px;
    max-width: 320px;
  }
  input {
    font: inherit;
    padding: 0.6em 0.8em;
    border-radius: 8px;
    border: 1px solid #c4cbd3;
    min-height: 44px;
  }
  .ring {
    border: 2px solid var(--_accent);
    border-radius: 12px;
    padding: 16px;
    display: grid;
    gap: 10px;
  }
  .ring h3 {
    margin: 0;
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
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(220px, 1fr);
    gap: 16px;
  }
  .conversations {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0 0 16px;
    padding: 0;
  }
  .conversations button {
    font: inherit;
    min-height: 44px;
    padding: 0.4em 0.9em;
    border-radius: 999px;
    border: 1px solid #c4cbd3;
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 8px;
  }
  .conversations button[aria-current='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 600;
  }
  .unread {
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_accent);
    color: #fff;
    font-size: 0.85em;
    text-align: center;
  }
  .requests {
    margin-top: 20px;
    padding-top: 16px;
    border-top: 1px solid #e3e7ec;
  }
  @media (max-width: 720px) {
    .call {
      grid-template-columns: 1fr;
    }
  }
`;
