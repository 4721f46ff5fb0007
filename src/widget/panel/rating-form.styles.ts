import { css } from 'lit';
import { textFields } from './offline-forms.styles.js';

export const ratingFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 10px;
    border: 1px solid var(--_line, #d0d7de);
    border-radius: 12px;
    padding: 10px;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 8px;
  }
  .stars {
    display: grid;
    grid-template-columns: repeat(5, minmax(44px, 1fr));
    gap: 6px;
  }
  /* Each choice is a large target: the whole box, not the radio's dot, takes the tap. */
  .star {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-height: 52px;
    border: 1px solid var(--_line-strong, #6e7781);
    border-radius: 10px;
    cursor: pointer;
    color: var(--_muted, #57606a);
    font-size: 1.3rem;
    line-height: 1;
  }
  .star .number {
    font-size: 0.75rem;
    margin-top: 2px;
  }
  .star.lit {
    color: var(--_accent, #0b5fff);
    border-color: var(--_accent, #0b5fff);
  }
  .star input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .star:has(input:focus-visible) {
    outline: 3px solid var(--_accent, #0b5fff);
    outline-offset: 2px;
  }
  .scale {
    display: flex;
    justify-content: space-between;
    font-size: 0.8rem;
    color: var(--_muted, #57606a);
    margin-top: 4px;
  }
  .comment {
    display: grid;
    gap: 4px;
    font-size: 0.92rem;
  }
  ${textFields}
  button {
    justify-self: end;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .problem {
    margin: 0;
    color: var(--_danger-text, #b42318);
    font-size: 0.92rem;
  }
  .thanks {
    margin: 0;
    padding: 10px;
    border-radius: 12px;
    background: var(--_notice, #e8f0fe);
  }
`;
