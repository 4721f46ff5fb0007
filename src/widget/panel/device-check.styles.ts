import { css } from 'lit';

export const deviceCheckStyles = css`
  :host {
    display: block;
  }
  .check {
    display: grid;
    gap: 12px;
    border: 1px solid var(--_line);
    border-radius: 12px;
    padding: 12px;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  .device {
    display: grid;
    gap: 6px;
  }
  label {
    display: grid;
    gap: 4px;
    font-size: 0.9rem;
  }
  select {
    font: inherit;
    min-height: 44px;
    min-width: 0;
    border-radius: 8px;
    border: 1px solid var(--_line-strong);
  }
  button {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
  }
  .icon {
    flex: none;
  }
  /* The level: a plain bar in the accent colour, drawn the same in every browser. */
  meter {
    width: 100%;
    height: 12px;
    appearance: none;
    border: 1px solid var(--_line-strong);
    border-radius: 6px;
    background: var(--_surface-raised);
    overflow: hidden;
  }
  meter::-webkit-meter-bar {
    background: var(--_surface-raised);
    border: 0;
    height: 12px;
  }
  meter::-webkit-meter-optimum-value,
  meter::-webkit-meter-suboptimum-value,
  meter::-webkit-meter-even-less-good-value {
    background: var(--_success);
  }
  meter::-moz-meter-bar {
    background: var(--_success);
  }
  /* The shopper's own picture, as in a mirror, whole (nothing cut off). */
  video {
    width: 100%;
    max-height: 40vh;
    aspect-ratio: 4 / 3;
    object-fit: contain;
    background: var(--_stage, #161b22);
    border-radius: 10px;
  }
  video.mirrored {
    transform: scaleX(-1);
  }
  .muted {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .starting,
  .problem {
    margin: 0;
    font-size: 0.92rem;
  }
  .problem {
    color: var(--_danger-text);
  }
`;
