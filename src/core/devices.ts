/**
 * Cameras, microphones and speakers as the person sees them: which there are, which they chose
 * (kept in this browser for next time), and why one could not be started, in terms the UI can
 * explain. Used before the call (the device check) and during it (the media session); nothing
 * here needs the media stack.
 */

/** Why a camera or microphone could not be used, in terms the UI can explain. */
export type DeviceProblem =
  | 'permission-denied'
  /** The page itself does not allow the device (Permissions-Policy, an iframe without `allow`). */
  | 'blocked-by-site'
  | 'no-device'
  | 'device-busy'
  | 'unsupported'
  | 'failed';

export type Device = 'camera' | 'microphone';

export interface DeviceFailure {
  device: Device;
  problem: DeviceProblem;
}

/** The devices a person can choose between: cameras, microphones and, where allowed, speakers. */
export type DeviceKind = 'videoinput' | 'audioinput' | 'audiooutput';

export interface DeviceChoice {
  kind: DeviceKind;
  id: string;
  label: string;
}

const CHOSEN_DEVICES_KEY = 'expert-call:devices';

/** The devices chosen last time, by kind, kept in this browser for next time. */
export function chosenDevices(): Partial<Record<DeviceKind, string>> {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(CHOSEN_DEVICES_KEY) ?? '{}');
    return typeof kept === 'object' && kept !== null
      ? (kept as Partial<Record<DeviceKind, string>>)
      : {};
  } catch {
    return {};
  }
}

/** Keeps a choice for next time; a browser that refuses storage keeps it for this page only. */
export function rememberDevice(kind: DeviceKind, id: string): void {
  try {
    localStorage.setItem(CHOSEN_DEVICES_KEY, JSON.stringify({ ...chosenDevices(), [kind]: id }));
  } catch {
    // Storage refused: the choice holds until the page is left.
  }
}

/** Whether this browser can send sound to a chosen speaker (not Safari, not Firefox by default). */
export function speakerChoiceSupported(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** The devices there are to choose from (labels once the person has allowed one device). */
export async function listDevices(): Promise<DeviceChoice[]> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices();
  return all
    .filter((d) => d.kind !== 'audiooutput' || speakerChoiceSupported())
    .filter((d) => d.deviceId)
    .map((d, i) => ({ kind: d.kind, id: d.deviceId, label: d.label || `${d.kind} ${i + 1}` }));
}

/**
 * Which browser's menus the person has in front of them, to say where to allow a device:
 * Safari on an iPhone or iPad (every browser there is Safari inside), Safari on a Mac, Firefox,
 * or a Chromium (Chrome, Edge, Samsung Internet, Opera).
 */
export type BrowserFamily = 'ios' | 'safari' | 'firefox' | 'chromium';

export function browserFamily(
  ua: string = typeof navigator === 'undefined' ? '' : navigator.userAgent,
  touchPoints: number = typeof navigator === 'undefined' ? 0 : navigator.maxTouchPoints,
): BrowserFamily {
  // An iPad asks for desktop pages as a Mac: a Mac with a touch screen is one.
  if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && touchPoints > 1)) return 'ios';
  if (/Firefox\//.test(ua)) return 'firefox';
  if (/Safari\//.test(ua) && !/Chrome\/|Chromium\/|Edg\//.test(ua)) return 'safari';
  return 'chromium';
}

/** The page's Permissions-Policy (Chromium; other browsers say nothing and we assume yes). */
function allowedByPage(device: Device, page: Document): boolean {
  const policy =
    (page as { permissionsPolicy?: FeaturePolicy; featurePolicy?: FeaturePolicy })
      .permissionsPolicy ?? (page as { featurePolicy?: FeaturePolicy }).featurePolicy;
  return policy?.allowsFeature(device) !== false;
}

interface FeaturePolicy {
  allowsFeature(feature: string): boolean;
}

/**
 * What stopped `device` from starting, told apart for the person (and, if need be, the shop),
 * from the error `getUserMedia` threw: its name is the same in every browser (older Chromium
 * names in brackets), and livekit-client passes it on unchanged.
 */
export function deviceProblem(
  error: unknown,
  device: Device,
  page: Document | undefined = globalThis.document,
): DeviceProblem {
  const view = page?.defaultView;
  if (!view?.navigator.mediaDevices?.getUserMedia) return 'unsupported';
  // Read by shape: an error from a frame's own realm is no `instanceof` of ours.
  const name =
    typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
      ? error.name
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      if (!allowedByPage(device, page!)) {
        console.error(
          `[expert-call] This page's Permissions-Policy forbids the ${device}: allow it for the page (the HTTP header "Permissions-Policy: ${device}=(self)"), and, if the page is in an iframe, add allow="camera; microphone" to that iframe.`,
        );
        return 'blocked-by-site';
      }
      return 'permission-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'no-device';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'device-busy';
    default:
      return 'failed';
  }
}
