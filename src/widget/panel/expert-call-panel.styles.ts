import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
    --_panel-width: min(400px, calc(100vw - 24px));
    --_panel-height: auto;
    --_panel-max-height: min(680px, calc(100vh - 100px));
  }
  /* A call takes the room it needs: the picture is what the shopper came for. */
  :host([screen='call']) {
    --_panel-width: min(960px, calc(100vw - 24px));
    --_panel-height: min(720px, calc(100vh - 100px));
  }
  :host([screen='chat']) {
    --_panel-height: min(640px, calc(100vh - 100px));
  }
  .dialog {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    width: var(--_panel-width);
    height: var(--_panel-height);
    max-height: var(--_panel-max-height);
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
    overflow: hidden;
    line-height: 1.45;
  }
  /*
   * Phones: the whole screen, inside the safe areas, and only what the keyboard leaves (the
   * visual viewport), so the box to write in and the latest message stay in view.
   */
  @media (max-width: 480px), (max-height: 480px) {
    .dialog {
      position: fixed;
      left: 0;
      top: var(--_vv-top, 0);
      width: 100vw;
      height: var(--_vv-height, 100dvh);
      max-height: none;
      border-radius: 0;
      padding: 0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
    }
    header {
      padding-top: max(8px, env(safe-area-inset-top));
    }
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 8px 8px 8px 18px;
    border-bottom: 1px solid var(--_line);
    flex: none;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0;
  }
  h3 {
    font-size: 0.95rem;
    margin: 0;
  }
  .close {
    background: transparent;
    padding: 0;
    width: 44px;
    display: grid;
    place-items: center;
    color: var(--_muted);
  }
  .body {
    padding: 18px;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 14px;
    flex: 1;
    min-height: 0;
  }
  :host([screen='call']) .body {
    padding: 0;
    overflow: hidden;
  }
  :host([screen='chat']) .body {
    overflow: hidden;
    gap: 10px;
    padding: 12px 14px;
  }
  :host([screen='chat']) ec-chat {
    flex: 1;
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
  /* The device check's button: plainly secondary, under the choices, icon beside the words. */
  .check-toggle {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    border-style: dashed;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 12px;
    border-radius: 12px;
    text-align: start;
  }
  .choice > span {
    display: flex;
    flex-direction: column;
  }
  .choice-title {
    font-weight: 600;
  }
  .icon {
    flex: none;
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
    border: 4px solid var(--_line);
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

  /* The call: the picture and its control bar, the chat sheet beside or below. */
  .call {
    display: grid;
    grid-template: 'stage' minmax(0, 1fr) / minmax(0, 1fr);
    height: 100%;
    min-height: 0;
  }
  .call[data-sheet='open'] {
    grid-template: 'stage sheet' minmax(0, 1fr) / minmax(0, 1fr) minmax(280px, 34%);
  }
  .stage-column {
    position: relative;
    grid-area: stage;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 8px;
    min-height: 0;
    background: var(--_stage);
  }
  ec-call-stage {
    flex: 1;
    min-height: 120px;
  }
  /* While the expert's console rings: over the stage, above the bar and its one way out. */
  .ringing {
    position: absolute;
    inset: 8px 8px 72px;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 16px;
    padding: 16px;
    text-align: center;
    color: #fff;
    pointer-events: none;
  }
  .sheet {
    grid-area: sheet;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
    min-height: 0;
    border-left: 1px solid var(--_line);
    background: var(--_surface);
  }
  .sheet[hidden] {
    display: none;
  }
  .sheet ec-chat {
    flex: 1;
  }
  /* Narrow panels (phones, portrait tablets): the chat is a bottom sheet with real height. */
  @media (max-width: 719px), (max-height: 519px) and (orientation: portrait) {
    .call[data-sheet='open'] {
      grid-template:
        'stage' minmax(160px, 42%)
        'sheet' minmax(0, 1fr) / minmax(0, 1fr);
    }
    .sheet {
      border-left: 0;
      border-top: 1px solid var(--_line);
      border-radius: 16px 16px 0 0;
      box-shadow: 0 -6px 16px rgb(0 0 0 / 0.12);
    }
  }
  /* A phone on its side: the picture on the left, the chat on the right. */
  @media (max-height: 480px) and (orientation: landscape) {
    .call[data-sheet='open'] {
      grid-template: 'stage sheet' minmax(0, 1fr) / minmax(0, 1fr) minmax(240px, 45%);
    }
  }
  .devices {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 180px), 1fr));
    gap: 8px;
    padding: 10px;
    border-radius: 10px;
    background: var(--_surface);
    color: var(--_text);
  }
  .devices label {
    display: grid;
    gap: 4px;
    font-size: 0.85rem;
  }
  .devices select {
    font: inherit;
    min-height: 44px;
    min-width: 0;
    border-radius: 8px;
    border: 1px solid var(--_line-strong);
  }
  .start-audio {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    font-weight: 600;
    min-height: 52px;
  }
  /* The other camera, one tap: over the picture's top corner, clear of the self view. */
  .stage-column .switch-camera {
    position: absolute;
    top: 16px;
    left: 16px;
    z-index: 1;
    flex: none;
    flex-direction: row;
    gap: 6px;
    min-height: 44px;
    max-width: none;
    padding: 6px 12px;
    border-radius: 999px;
    font-size: 0.8rem;
    opacity: 0.92;
  }
  .stage-column .starting,
  .stage-column .problem {
    font-size: 0.88rem;
  }
  .bar {
    display: flex;
    justify-content: center;
    gap: 6px;
    flex: none;
    flex-wrap: nowrap;
  }
  .control {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 2px;
    min-width: 64px;
    max-width: 96px;
    flex: 1 1 0;
    min-height: 56px;
    padding: 6px 4px;
    border-radius: 12px;
    background: var(--_control);
    color: var(--_on-control);
    font-size: 0.75rem;
    line-height: 1.2;
    text-align: center;
  }
  @media (max-width: 420px) {
    .bar {
      gap: 4px;
    }
    .control {
      min-width: 0;
      font-size: 0.7rem;
      padding: 6px 2px;
    }
  }
  .control.off {
    background: var(--_control-off);
    color: var(--_on-control-off);
  }
  .control.hang-up {
    background: var(--_danger);
    color: #fff;
  }
  /* A toggle that is on (blur, screen share) or a sheet that is open shows inverted. */
  .control[aria-pressed='true'],
  .control[aria-expanded='true'] {
    background: var(--_on-control);
    color: var(--_control);
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
  .badge {
    position: absolute;
    top: 2px;
    right: 8px;
    min-width: 1.4em;
    padding: 0 0.3em;
    border-radius: 999px;
    background: var(--_danger);
    color: #fff;
    font-weight: 700;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
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
  .ended {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .transcript {
    display: flex;
    flex-direction: column;
    gap: 8px;
    border: 1px solid var(--_line);
    border-radius: 12px;
    padding: 10px;
  }
  .transcript button {
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .transcript ec-chat {
    --ec-chat-height: 220px;
  }
`;
