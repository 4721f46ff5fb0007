import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    width: min(380px, calc(100vw - 24px));
    max-height: min(640px, calc(100vh - 100px));
    background: var(--_surface);
    border-radius: var(--_radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
    overflow: hidden;
    line-height: 1.45;
  }
  @media (max-width: 480px) {
    :host {
      width: 100vw;
      height: 100dvh;
      max-height: none;
      border-radius: 0;
    }
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 12px 12px 12px 18px;
    border-bottom: 1px solid rgb(0 0 0 / 0.08);
  }
  h2 {
    font-size: 1.05rem;
    margin: 0;
  }
  .close {
    background: transparent;
    padding: 0;
    width: 44px;
    font-size: 1.4rem;
    line-height: 1;
    color: var(--_muted);
  }
  .body {
    padding: 18px;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.92rem;
  }
  ul.shared {
    margin: 0;
    padding-left: 1.2em;
    font-size: 0.92rem;
  }
  .choices {
    display: grid;
    gap: 10px;
  }
  .choice {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    border-radius: 12px;
    text-align: left;
  }
  .choice small {
    opacity: 0.85;
  }
  .wait {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: 14px;
    padding: 12px 0;
  }
  .spinner {
    width: 36px;
    height: 36px;
    border-radius: 50%;
    border: 4px solid rgb(0 0 0 / 0.1);
    border-top-color: var(--_accent);
    animation: spin 0.9s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  ec-call-stage {
    --ec-stage-ratio: 3 / 4;
    --ec-self-width: 30%;
  }
  ec-call-stage.audio {
    --ec-stage-ratio: 16 / 9;
  }
  .controls {
    justify-content: center;
  }
  .starting,
  .problem {
    font-size: 0.92rem;
  }
  .actions {
    display: flex;
    gap: 10px;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
`;
