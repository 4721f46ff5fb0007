// Where Chromium is and how we start it, for every test tool (web-test-runner and Playwright).
import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROMIUM_BIN. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: run "apt-get install -y chromium" or set CHROMIUM_BIN.`,
    );
  }
  return path;
}

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Cameras to turn between, as a phone has. Chromium's second fake camera is a depth camera
  // (Y16) whose frames WebRTC cannot encode; the first and the third send pictures.
  '--use-fake-device-for-media-stream=device-count=3',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // This machine has no network beyond the registries: no background calls home.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];
