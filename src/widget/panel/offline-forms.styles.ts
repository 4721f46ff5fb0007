import { css } from 'lit';

/** The panel's text fields, one look for every form in it (offline requests, rating). */
export const textFields = css`
  input,
  textarea {
    font: inherit;
    padding: 0.5em 0.7em;
    border-radius: 8px;
    border: 1px solid var(--_line-strong, #6e7781);
    min-height: 44px;
    box-sizing: border-box;
    width: 100%;
  }
  textarea {
    resize: vertical;
  }
`;

export const offlineFormsStyles = css`
  :host {
    display: grid;
    gap: 12px;
  }
  .actions {
    display: flex;
    gap: 10px;
    flex-wrap: wrap;
  }
  .kinds {
    display: grid;
    gap: 8px;
  }
  .kinds button {
    display: grid;
    text-align: start;
    gap: 2px;
  }
  .kinds small {
    font-weight: 400;
    opacity: 0.8;
  }
  form {
    display: grid;
    gap: 8px;
  }
  label {
    display: grid;
    gap: 4px;
    font-weight: 600;
  }
  label small {
    font-weight: 400;
    color: var(--_muted, #57606a);
  }
  ${textFields}
  textarea {
    min-height: 88px;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger-text, #b42318);
  }
  /* Day, from, to: side by side where they fit, else under each other; never wider than the panel. */
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 7.5rem), 1fr));
    gap: 8px;
  }
  .row label,
  .row input {
    min-width: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 6px;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 4px;
  }
  .day {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .day strong {
    flex-basis: 100%;
    font-size: 0.9em;
  }
  .slot {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: 1px solid var(--_line-strong, #6e7781);
    border-radius: 999px;
    padding: 0 0.8em;
    min-height: 40px;
    font-weight: 400;
  }
  .slot:has(input:checked) {
    border-color: var(--_accent, #0b5fff);
    box-shadow: inset 0 0 0 1px var(--_accent, #0b5fff);
  }
  .slot input {
    min-height: 0;
    width: auto;
  }
  .problem {
    color: var(--_danger-text, #b42318);
    margin: 0;
  }
  .muted {
    color: var(--_muted, #57606a);
    margin: 0;
  }
  p {
    margin: 0;
  }
`;
