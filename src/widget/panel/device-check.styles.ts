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
  /* The level: segments lit from the left, like the call apps' microphone check. */
  .level {
    display: grid;
    grid-template-columns: repeat(12, 1fr);
    gap: 3px;
    height: 14px;
  }
  .level span {
    border-radius: 3px;
    background: var(--_surface-raised);
    border: 1px solid var(--_line-strong);
  }
  .level span.lit {
    background: var(--_success);
    border-color: var(--_success);
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
