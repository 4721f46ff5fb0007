/**
 * A QR code of a text, drawn as SVG from the modules uqr encodes (no markup string, no image
 * fetched): what a phone's camera reads to open a link. Its own chunk: loaded when a shopper
 * asks to carry on on their phone, never before.
 */
import { html } from 'lit';
import { encode } from 'uqr';

/** The code of `text`, with its quiet zone, dark on light whatever the page's theme. */
export function qrCode(text: string, label: string) {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return html`<svg
    class="qr"
    viewBox="0 0 ${size} ${size}"
    role="img"
    aria-label=${label}
    shape-rendering="crispEdges"
  >
    <rect width=${size} height=${size} fill="#fff" />
    <path d=${path} fill="#000" />
  </svg>`;
}
