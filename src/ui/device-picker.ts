import { html, nothing } from 'lit';
import type { DeviceChoice, DeviceKind } from '../core/devices.js';

/**
 * A list of one kind of device to choose from, named by `label`; nothing when there is none
 * (a browser that cannot choose its speaker, say). The call's picker and the device check.
 */
export function devicePicker(picker: {
  label: string;
  kind: DeviceKind;
  choices: readonly DeviceChoice[];
  active: string | undefined;
  choose: (id: string) => void;
}) {
  if (picker.choices.length === 0) return nothing;
  return html`<label
    >${picker.label}
    <select
      data-device=${picker.kind}
      @change=${(event: Event) => picker.choose((event.target as HTMLSelectElement).value)}
    >
      ${picker.choices.map(
        (d) => html`<option value=${d.id} ?selected=${d.id === picker.active}>${d.label}</option>`,
      )}
    </select></label
  >`;
}
