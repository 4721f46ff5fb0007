import { css } from 'lit';

/** The notices under a call (a device starting, a device failing), shared by both elements. */
export const callControlsStyles = css`
  .starting,
  .notice {
    background: var(--_notice);
    color: var(--_text);
    padding: 10px 12px;
    border-radius: 6px;
  }
  .problem {
    background: var(--_warning);
    color: var(--_text);
    border-left: 4px solid #f0a000;
    padding: 10px 12px;
    border-radius: 6px;
  }
`;
