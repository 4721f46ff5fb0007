/**
 * When to offer carrying the conversation on to a phone ("On my phone"). Pure: the panel reads
 * the facts off the browser and the call, this decides.
 */

/** What the page knows of where the shopper is calling from. */
export interface CallingFrom {
  /** A touch screen is the main pointer: a phone or a tablet, with a rear camera. */
  touch: boolean;
  /** The page is in a frame (a shop's page embedded in another). */
  framed: boolean;
  /** No call can start here at all (`callBlocker`): no WebRTC, no devices, a closed frame. */
  blocked: boolean;
  /** The camera or microphone failed in this call (an app's own browser that refuses them). */
  devicesFailed: boolean;
}

/**
 * Offered everywhere a phone would do better: a desktop (no rear camera to show a product
 * with), a frame, a browser that cannot call, or one whose devices failed (on the same phone,
 * the link opens the conversation in the phone's own browser). Not on a phone that calls well.
 */
export function offerPhone(from: CallingFrom): boolean {
  return !from.touch || from.framed || from.blocked || from.devicesFailed;
}
