import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from '../../core/custom-element.js';
import { DevicePreview } from '../../core/device-preview.js';
import { browserFamily, type DeviceFailure, type DeviceKind } from '../../core/devices.js';
import type { PanelText } from '../../i18n/panel.js';
import { devicePicker } from '../../ui/device-picker.js';
import { icon } from '../../ui/icons.js';
import { controls } from '../../ui/tokens.js';
import { deviceCheckStyles } from './device-check.styles.js';

/**
 * The device check of the first screen, opened by the shopper's tap: the microphone's live
 * level, the camera's picture only once they ask for it (seen by them alone), a test sound,
 * and a list of each kind of device to choose from, kept for the call. The browser asks for
 * the microphone when the check opens; what it refuses is explained beside the device.
 * Everything it opened is closed when it goes (the shopper chose, or closed it).
 *
 * @event ec-check-change - what works changed; `detail` is the devices that failed, and why
 */
/** The level bar's segments, each lit from this level on: a voice lights a few, a shout all. */
const LEVEL_STEPS = Array.from({ length: 12 }, (_, i) => (i + 0.5) / 12);

@customElement('ec-device-check')
export class DeviceCheck extends LitElement {
  static override styles = [controls, deviceCheckStyles];

  @property({ attribute: false }) accessor words!: PanelText;

  private preview: DevicePreview | undefined;
  private off: (() => void) | undefined;
  private told = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const preview = (this.preview = new DevicePreview());
    this.off = preview.on('change', () => {
      this.requestUpdate();
      const failures = preview.failures;
      const said = JSON.stringify(failures);
      if (said === this.told) return;
      this.told = said;
      this.dispatchEvent(
        new CustomEvent<DeviceFailure[]>('ec-check-change', { detail: failures, bubbles: true }),
      );
    });
    void preview.startMicrophone();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
    this.preview?.stop();
    this.preview = undefined;
  }

  override render() {
    const preview = this.preview;
    if (!preview) return nothing;
    const t = this.words;
    const starting = preview.startingDevices;
    const problem = (device: 'camera' | 'microphone') => {
      const failure = preview.failures.find((f) => f.device === device);
      if (failure)
        return html`<p class="problem">
          ${t.deviceProblem(device, failure.problem, browserFamily())}
        </p>`;
      if (starting.includes(device))
        return html`<p class="starting">${t.deviceStarting(device)}</p>`;
      return nothing;
    };
    const camera = preview.camera;
    return html`
      <section class="check" aria-labelledby="check-title">
        <h3 id="check-title">${t.check.title}</h3>
        <div class="device" data-check="microphone">
          ${this.picker('audioinput')}
          ${
            preview.microphoneOn
              ? html`<div
                    class="level"
                    role="meter"
                    aria-label=${t.check.level}
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=${Math.round(preview.level * 100)}
                  >
                    ${LEVEL_STEPS.map(
                      (step) => html`<span class=${preview.level >= step ? 'lit' : ''}></span>`,
                    )}
                  </div>
                  <p class="muted">${t.check.levelHint}</p>`
              : nothing
          }
          ${problem('microphone')}
        </div>
        <div class="device" data-check="camera">
          ${camera ? this.picker('videoinput') : nothing}
          ${
            camera
              ? html`<video
                  class="mirrored"
                  playsinline
                  autoplay
                  muted
                  aria-label=${t.check.preview}
                  .srcObject=${camera}
                ></video>`
              : nothing
          }
          <button
            class="secondary"
            data-control="camera-preview"
            aria-pressed=${camera ? 'true' : 'false'}
            ?disabled=${starting.includes('camera')}
            @click=${() => (camera ? preview.stopCamera() : void preview.startCamera())}
          >
            ${icon(camera ? 'cameraOff' : 'camera')}
            ${camera ? t.check.hideCamera : t.check.showCamera}
          </button>
          <p class="muted">${t.check.previewNote}</p>
          ${problem('camera')}
        </div>
        <div class="device" data-check="speaker">
          ${preview.speakerChoice ? this.picker('audiooutput') : nothing}
          <button
            class="secondary"
            data-control="test-sound"
            @click=${() => void preview.playTestSound()}
          >
            ${icon('speaker')} ${t.check.testSound}
          </button>
        </div>
        <p class="muted">${t.check.kept}</p>
      </section>
    `;
  }

  /** A list of one kind of device, when there is any to choose from. */
  private picker(kind: DeviceKind) {
    const preview = this.preview!;
    return devicePicker({
      label: this.words.devices[kind],
      kind,
      choices: preview.choices(kind),
      active: preview.active(kind),
      choose: (id) => void preview.choose(kind, id),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-device-check': DeviceCheck;
  }
}
