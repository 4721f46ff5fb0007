import { svg, html } from 'lit';

/**
 * The call's icons, drawn inline (24 × 24, stroke in the current colour): nothing fetched from
 * anywhere, nothing a strict CSP blocks. Always beside a visible word or inside a named button:
 * they are `aria-hidden`.
 */
const paths = {
  microphone: svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3"/>`,
  microphoneOff: svg`<path d="M15 9.3V6a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 5.1 2.1M5 11a7 7 0 0 0 11.5 5.4M19 11a7 7 0 0 1-.6 2.8M12 18v3M3 3l18 18"/>`,
  camera: svg`<rect x="2" y="6" width="14" height="12" rx="2"/><path d="m16 10 6-3v10l-6-3"/>`,
  cameraOff: svg`<path d="M16 16v1a1 1 0 0 1-1 1H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h1m4 0h6a1 1 0 0 1 1 1v3l6-3v10M3 3l18 18"/>`,
  chat: svg`<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z"/>`,
  write: svg`<path d="M4 20h4L19 9l-4-4L4 16v4Z"/><path d="m13.5 6.5 4 4"/>`,
  switchCamera: svg`<path d="M3 8h3.5l2-3h7l2 3H21v11H3Z"/><path d="M8.8 12.2a3.3 3.3 0 0 1 5.9-1.2M15.2 13.8a3.3 3.3 0 0 1-5.9 1.2"/><path d="m15 9.2-.3 1.9-1.9-.3M9 16.8l.3-1.9 1.9.3"/>`,
  video: svg`<rect x="2" y="6" width="14" height="12" rx="2"/><path d="m16 10 6-3v10l-6-3"/>`,
  hangUp: svg`<path d="M3 15.5c5-4.7 13-4.7 18 0l-2.3 2.3-3.4-1.7v-2.6a11 11 0 0 0-6.6 0v2.6l-3.4 1.7Z"/>`,
  speaker: svg`<path d="M4 9v6h4l5 4V5L8 9H4Z"/><path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a9 9 0 0 1 0 12"/>`,
  close: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
  download: svg`<path d="M12 4v11m-5-5 5 5 5-5M5 20h14"/>`,
  phone: svg`<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/>`,
  photo: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="10" r="2"/><path d="m21 16-5-5-9 8"/>`,
  blur: svg`<circle cx="12" cy="9" r="3.5"/><path d="M5.5 20a6.5 6.5 0 0 1 13 0"/><path d="M2 4v.01M2 9v.01M2 14v.01M22 4v.01M22 9v.01M22 14v.01" stroke-width="3"/>`,
  screen: svg`<rect x="2" y="4" width="20" height="13" rx="2"/><path d="M8 21h8M12 17v4"/>`,
  settings: svg`<circle cx="12" cy="12" r="3"/><path d="M12 2v3m0 14v3M2 12h3m14 0h3M4.9 4.9l2.1 2.1m10 10 2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1"/>`,
} as const;

export type IconName = keyof typeof paths;

export function icon(name: IconName) {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${paths[name]}
  </svg>`;
}
