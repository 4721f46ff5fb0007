import { css } from 'lit';

/**
 * Design tokens, overridable from the shop's page through CSS custom properties on the element
 * (`expert-call { --ec-accent: #e30613 }`).
 */
export const tokens = css`
  :host {
    --_accent: var(--ec-accent, #0b5fff);
    --_on-accent: var(--ec-on-accent, #fff);
    --_surface: var(--ec-surface, #fff);
    --_text: var(--ec-text, #1b1f24);
    --_muted: var(--ec-muted, #57606a);
    --_danger: var(--ec-danger, #c62828);
    --_radius: var(--ec-radius, 14px);
    --_font: var(--ec-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_font);
    color: var(--_text);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 999px;
    border: 1px solid transparent;
    padding: 0.7em 1.2em;
    min-height: 44px;
  }
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .secondary {
    background: transparent;
    color: var(--_text);
    border-color: currentColor;
  }
  .danger {
    background: var(--_danger);
    color: #fff;
  }
`;
