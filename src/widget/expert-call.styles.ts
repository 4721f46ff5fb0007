/** The launcher's styles, as a string: it is plain DOM and adopts them as a constructed sheet. */
export const launcherCss = `
:host {
  --_accent: var(--ec-accent, #0b5fff);
  --_on-accent: var(--ec-on-accent, #fff);
  font-family: var(--ec-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  z-index: var(--ec-z-index, 2147483000);
}
:host([placement='floating']) {
  position: fixed;
  right: max(16px, env(safe-area-inset-right));
  bottom: max(16px, env(safe-area-inset-bottom));
}
:host([availability='unavailable'][when-unavailable='hide']) {
  display: none;
}
:host([placement='inline']) {
  display: inline-block;
  position: relative;
}
button {
  display: inline-flex;
  align-items: center;
  gap: 0.8em;
  min-height: 48px;
  padding: 0 1.2em;
  border: 0;
  border-radius: 999px;
  background: var(--_accent);
  color: var(--_on-accent);
  font: inherit;
  font-weight: 600;
  cursor: pointer;
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.2);
}
button {
  position: relative;
}
/* The hub cannot be used: the button says so and offers nothing (it stays focusable). */
button[aria-disabled='true'] {
  background: #6b7280;
  cursor: not-allowed;
  box-shadow: none;
}
/* The availability dot sits on the button's corner: it never changes the button's size. */
.badge {
  position: absolute;
  top: 2px;
  right: 6px;
  width: 12px;
  height: 12px;
  border-radius: 50%;
  border: 2px solid var(--_on-accent);
  box-sizing: border-box;
}
.badge[hidden] {
  display: none;
}
.badge[data-state='free'] {
  background: #1f9d55;
}
.badge[data-state='busy'] {
  background: #f0a000;
}
.badge[data-state='none'],
.badge[data-state='closed'] {
  background: #9aa3ad;
}
.hidden-text {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
button:focus-visible {
  outline: 3px solid var(--_accent);
  outline-offset: 3px;
}
.icon {
  width: 1.3em;
  height: 0.9em;
  border-radius: 3px;
  background: currentColor;
  position: relative;
}
.icon::after {
  content: '';
  position: absolute;
  right: -0.45em;
  top: 0.15em;
  border: 0.3em solid transparent;
  border-right-color: currentColor;
}
.panel {
  position: fixed;
  right: max(12px, env(safe-area-inset-right));
  bottom: calc(max(16px, env(safe-area-inset-bottom)) + 60px);
  z-index: var(--ec-z-index, 2147483000);
}
.panel[hidden] {
  display: none;
}
@media (max-width: 480px) {
  .panel {
    inset: 0;
  }
  button.open {
    visibility: hidden;
  }
}
`;
