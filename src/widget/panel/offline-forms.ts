import { LitElement, html, nothing } from 'lit';
import { controls } from '../../ui/tokens.js';
import { offlineFormsStyles } from './offline-forms.styles.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { OfflineAbout, OfflineOutcome, OfflineRequests } from '../../core/offline-client.js';
import { moment, timeOfDay } from '../../i18n/format.js';
import { offlineText } from '../../i18n/offline.js';
import type { UiLanguage } from '../../i18n/language.js';
import type { OfflineKind, Slot } from '../../protocol/index.js';

/** Days of slots shown at first, and added by "later". */
const DAYS_SHOWN = 3;

type View = 'menu' | OfflineKind | 'done';

/**
 * The three ways to be helped later, when nobody can answer now: leave a message, be called
 * back, or book a video appointment in a free slot. Each form keeps what was typed when the hub
 * refuses it, and says why beside the field at fault.
 *
 * @event ec-offline-sent - a request was stored; `detail` is the hub's confirmation.
 * @event ec-offline-close - the shopper is done (after the confirmation).
 */
@customElement('ec-offline')
export class OfflineForms extends LitElement {
  static override styles = [controls, offlineFormsStyles];

  @property({ attribute: false }) accessor requests!: OfflineRequests;
  /** Topic, language and context of the shopper, as a conversation would carry them. */
  @property({ attribute: false }) accessor about!: OfflineAbout;
  @property() override accessor lang: UiLanguage = 'en';
  /** Why: the shop is closed, or nobody answered in time (the shopper is still in line). */
  @property() accessor reason: 'closed' | 'no-answer' = 'closed';
  /** When the shop opens again, if known (epoch ms). */
  @property({ type: Number }) accessor opensAt: number | undefined;
  /** The shop's own words for "closed", from its config; ours otherwise. */
  @property() accessor closedMessage: string | undefined;

  @state() private accessor view: View = 'menu';
  @state() private accessor busy = false;
  @state() private accessor problem: { text: string; field: string | undefined } | undefined;
  @state() private accessor slots: Slot[] | undefined;
  @state() private accessor daysShown = DAYS_SHOWN;
  @state() private accessor confirmation = '';

  private get t() {
    return offlineText[this.lang];
  }

  override render() {
    switch (this.view) {
      case 'menu':
        return this.renderMenu();
      case 'message':
        return this.renderForm('message', this.messageFields());
      case 'callback':
        return this.renderForm('callback', this.callbackFields());
      case 'appointment':
        return this.renderForm('appointment', this.appointmentFields());
      case 'done':
        return html`<p role="status" data-confirmed>${this.confirmation}</p>
          <button class="primary" @click=${this.close}>${this.t.close}</button>`;
    }
  }

  private renderMenu() {
    const t = this.t;
    const lead =
      this.reason === 'closed'
        ? html`<p role="status">
              ${this.closedMessage ?? t.closed(this.opensAt ? this.when(this.opensAt) : undefined)}
              ${this.closedMessage && this.opensAt ? t.backAt(this.when(this.opensAt)) : nothing}
            </p>
            <p class="muted">${t.choose}</p>`
        : html`<p class="muted">${t.noAnswer}</p>`;
    return html`${lead}
      <div class="kinds">
        ${(['message', 'callback', 'appointment'] as const).map(
          (kind) =>
            html`<button class="secondary" data-offline=${kind} @click=${() => this.show(kind)}>
              <span>${t.kinds[kind].title}</span><small>${t.kinds[kind].hint}</small>
            </button>`,
        )}
      </div>`;
  }

  private renderForm(kind: OfflineKind, fields: unknown) {
    const t = this.t;
    return html`<form data-form=${kind} novalidate @submit=${this.submit}>
      <strong>${t.kinds[kind].title}</strong>
      ${fields} ${this.problem && !this.problem.field ? this.renderProblem('form') : nothing}
      ${this.reason === 'no-answer' ? html`<p class="muted">${t.leavesQueue}</p>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.show('menu')}>${t.back}</button>
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t.sending : t.send}
        </button>
      </div>
    </form>`;
  }

  private messageFields() {
    const t = this.t;
    return html`${this.nameField()}
      ${this.field('contact', t.contact, 'text', 'email', t.contactHint)}
      <label>
        ${t.message}
        <textarea
          name="text"
          required
          maxlength="2000"
          aria-invalid=${this.invalid('text')}
          aria-describedby="problem-text"
        ></textarea>
      </label>
      ${this.problemFor('text')}`;
  }

  private callbackFields() {
    const t = this.t;
    const now = new Date();
    // Never pre-fill a window before the shop opens: at 05:00 for a desk opening at 09:00,
    // the window starts at 09:00.
    const from = new Date(Math.max(now.getTime() + 3_600_000, this.opensAt ?? 0));
    const to = new Date(from.getTime() + 2 * 3_600_000);
    return html`${this.nameField()} ${this.field('phone', t.phone, 'tel', 'tel')}
      <div class="row">
        <label
          >${t.day}<input
            name="day"
            type="date"
            required
            value=${localDate(from)}
            min=${localDate(now)}
        /></label>
        <label>${t.from}<input name="from" type="time" required value=${localTime(from)} /></label>
        <label>${t.to}<input name="to" type="time" required value=${localTime(to)} /></label>
      </div>
      ${this.problemFor('window')}
      <label>
        ${t.note} <small>${t.optional}</small>
        <textarea name="text" maxlength="2000"></textarea>
      </label>`;
  }

  private appointmentFields() {
    const t = this.t;
    const slots = this.slots;
    let picker;
    if (!slots) picker = html`<p class="muted" role="status">${t.loadingSlots}</p>`;
    else if (slots.length === 0) picker = html`<p role="status">${t.noSlots}</p>`;
    else {
      const days = groupByDay(slots, this.lang);
      picker = html`<fieldset aria-describedby="problem-slotStart">
        <legend>${t.pickSlot}</legend>
        ${days.slice(0, this.daysShown).map(
          (day) =>
            html`<div class="day">
              <strong>${day.label}</strong>
              ${day.slots.map(
                (slot) =>
                  html`<label class="slot"
                    ><input
                      type="radio"
                      name="slot"
                      value=${slot.start}
                    />${this.time(slot.start)}</label
                  >`,
              )}
            </div>`,
        )}
        ${
          days.length > this.daysShown
            ? html`<button
                type="button"
                class="secondary"
                @click=${() => (this.daysShown += DAYS_SHOWN)}
              >
                ${new Intl.DateTimeFormat(this.lang, { weekday: 'long' }).format(
                  days[this.daysShown]!.slots[0]!.start,
                )}…
              </button>`
            : nothing
        }
      </fieldset>`;
    }
    return html`${picker} ${this.problemFor('slotStart')} ${this.nameField()}
    ${this.field('contact', t.contact, 'text', 'email', t.contactHint)}`;
  }

  private nameField() {
    const t = this.t;
    return html`<label
      >${t.name} <small>${t.optional}</small><input name="name" autocomplete="name" maxlength="100"
    /></label>`;
  }

  private field(name: string, label: string, type: string, autocomplete: string, hint?: string) {
    return html`<label>
        ${label} ${hint ? html`<small>${hint}</small>` : nothing}
        <input
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          required
          maxlength="200"
          aria-invalid=${this.invalid(name)}
          aria-describedby=${`problem-${name}`}
        />
      </label>
      ${this.problemFor(name)}`;
  }

  private invalid(field: string): 'true' | 'false' {
    return this.problem?.field === field ? 'true' : 'false';
  }

  private problemFor(field: string) {
    return this.problem?.field === field ? this.renderProblem(field) : nothing;
  }

  private renderProblem(field: string) {
    return html`<p class="problem" id=${`problem-${field}`} role="alert">${this.problem?.text}</p>`;
  }

  private show(view: View): void {
    this.view = view;
    this.problem = undefined;
    if (view === 'appointment') void this.loadSlots();
  }

  private async loadSlots(): Promise<void> {
    this.slots = undefined;
    this.slots = await this.requests.slots(this.about.topic);
  }

  private submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.view === 'menu' || this.view === 'done') return;
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const name = value('name') || undefined;
    let outcome: OfflineOutcome;
    this.busy = true;
    try {
      if (this.view === 'message') {
        outcome = await this.requests.leaveMessage(this.about, {
          ...(name ? { name } : {}),
          contact: value('contact'),
          text: value('text'),
        });
      } else if (this.view === 'callback') {
        const from = new Date(`${value('day')}T${value('from')}`).getTime();
        const to = new Date(`${value('day')}T${value('to')}`).getTime();
        outcome = await this.requests.requestCallback(this.about, {
          ...(name ? { name } : {}),
          phone: value('phone'),
          from: Number.isFinite(from) ? from : 0,
          to: Number.isFinite(to) ? to : 0,
          ...(value('text') ? { text: value('text') } : {}),
        });
      } else {
        const start = Number(form.get('slot'));
        if (!start) {
          this.problem = { text: this.t.problems['no-slot'], field: 'slotStart' };
          return;
        }
        outcome = await this.requests.book(this.about, {
          ...(name ? { name } : {}),
          contact: value('contact'),
          start,
        });
      }
    } finally {
      this.busy = false;
    }
    this.answered(outcome);
  };

  private answered(outcome: OfflineOutcome): void {
    if (outcome.ok) {
      const { kind, from, to } = outcome.confirmed;
      this.confirmation = this.t.confirmed(
        kind,
        from === undefined ? undefined : this.when(from),
        to === undefined ? undefined : this.time(to),
      );
      this.view = 'done';
      this.problem = undefined;
      this.dispatchEvent(
        new CustomEvent('ec-offline-sent', {
          bubbles: true,
          composed: true,
          detail: outcome.confirmed,
        }),
      );
      return;
    }
    const field =
      outcome.field === 'window' || outcome.problem.startsWith('window')
        ? 'window'
        : outcome.problem.startsWith('slot')
          ? 'slotStart'
          : outcome.field;
    this.problem = { text: this.t.problems[outcome.problem], field };
    // A slot taken in the meantime: offer the ones still free.
    if (outcome.problem === 'slot-taken' || outcome.problem === 'slot-unavailable') {
      void this.loadSlots();
    }
  }

  private close = () => {
    this.dispatchEvent(new CustomEvent('ec-offline-close', { bubbles: true, composed: true }));
  };

  /** "today at 9 a.m.", "aujourd'hui à 9 h", "Friday, December 4 at 1 PM". */
  private when(at: number): string {
    return moment(this.lang, at);
  }

  /** "9 h", "9 AM": the same words as the confirmation's. */
  private time(at: number): string {
    return timeOfDay(this.lang, at);
  }
}

function groupByDay(slots: Slot[], lang: UiLanguage): Array<{ label: string; slots: Slot[] }> {
  const format = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long' });
  const days: Array<{ label: string; slots: Slot[] }> = [];
  for (const slot of slots) {
    const label = format.format(slot.start);
    const day = days.at(-1);
    if (day?.label === label) day.slots.push(slot);
    else days.push({ label, slots: [slot] });
  }
  return days;
}

const two = (n: number) => String(n).padStart(2, '0');
function localDate(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}
function localTime(at: Date): string {
  return `${two(at.getHours())}:00`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-offline': OfflineForms;
  }
}
