import { css, unsafeCSS } from 'lit';

/** Light colours: every text pair meets WCAG 2.2 AA (4.5:1), every border and icon 3:1. */
const light = `
  --_surface: var(--ec-surface, #fff);
  --_surface-raised: var(--ec-surface-raised, #f6f8fa);
  --_text: var(--ec-text, #1b1f24);
  --_muted: var(--ec-muted, #57606a);
  --_line: var(--ec-line, #d0d7de);
  --_line-strong: var(--ec-line-strong, #6e7781);
  --_bubble: var(--ec-bubble, #eef1f4);
  --_notice: var(--ec-notice, #e8f0fe);
  --_warning: var(--ec-warning, #fff4e5);
  --_danger: var(--ec-danger, #c62828);
  --_danger-text: var(--ec-danger-text, #b42318);
  --_success: var(--ec-success, #1a7f37);
  color-scheme: light;
`;

/** Dark colours, for `prefers-color-scheme: dark` or `theme="dark"`. */
const dark = `
  --_surface: var(--ec-surface, #1c2128);
  --_surface-raised: var(--ec-surface-raised, #262c36);
  --_text: var(--ec-text, #e6edf3);
  --_muted: var(--ec-muted, #a3adb8);
  --_line: var(--ec-line, #3d444d);
  --_line-strong: var(--ec-line-strong, #8b949e);
  --_bubble: var(--ec-bubble, #2d333b);
  --_notice: var(--ec-notice, #1f2d45);
  --_warning: var(--ec-warning, #3a2c12);
  --_danger: var(--ec-danger, #c62828);
  --_danger-text: var(--ec-danger-text, #ff8a80);
  --_success: var(--ec-success, #3fb950);
  color-scheme: dark;
`;

/**
 * Design tokens of a top-level element (`<expert-call>`'s panel, `<expert-console>`),
 * overridable from the shop's page through CSS custom properties on the element
 * (`expert-call { --ec-accent: #e30613 }`). Light or dark follows `prefers-color-scheme`, unless
 * the element's `theme` attribute forces one. Nested parts inherit these; they take `controls`
 * only, so that they never reset a dark theme to light.
 */
export const tokens = css`
  :host {
    --_accent: var(--ec-accent, #0b5fff);
    --_on-accent: var(--ec-on-accent, #fff);
    --_radius: var(--ec-radius, 14px);
    --_font: var(--ec-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_stage: var(--ec-stage, #161b22);
    --_control: var(--ec-control, #3a4049);
    --_on-control: var(--ec-on-control, #fff);
    --_control-off: var(--ec-control-off, #f6f8fa);
    --_on-control-off: var(--ec-on-control-off, #a40e26);
    ${unsafeCSS(light)}
    font-family: var(--_font);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${unsafeCSS(dark)}
    }
  }
  :host([theme='dark']) {
    ${unsafeCSS(dark)}
  }
`;

/** Buttons and links as both elements draw them, from the inherited tokens. */
export const controls = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 999px;
    border: 1px solid transparent;
    padding: 0.7em 1.2em;
    min-height: 44px;
    min-width: 44px;
  }
  button:focus-visible,
  a:focus-visible,
  textarea:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: inherit;
  }
  input,
  textarea,
  select {
    background: var(--_surface);
    color: var(--_text);
  }
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .secondary {
    background: transparent;
    color: var(--_text);
    border-color: var(--_line-strong);
  }
  .danger {
    background: var(--_danger);
    color: #fff;
  }
`;
