import { css } from 'lit';

/** The row of call buttons and the device messages under a call, shared by both elements. */
export const callControlsStyles = css`
  .controls {
    display: flex;
    gap: 10px;
    flex-wrap: wrap;
  }
  .toggle[aria-pressed='false'] {
    background: #eee;
    color: var(--_text);
  }
  .toggle[aria-pressed='true'] {
    background: var(--_text);
    color: #fff;
  }
  .starting,
  .notice {
    background: #eef4ff;
    padding: 10px 12px;
    border-radius: 6px;
  }
  .problem {
    background: #fff4e5;
    border-left: 4px solid #f0a000;
    padding: 10px 12px;
    border-radius: 6px;
  }
`;
