/**
 * What the panel shows after the first screen: the call's picture, the chat, the forms for
 * when nobody can answer, the end screen's rating, the QR code to carry on on the phone, and the first screen's device check (opened
 * by a tap, so it can come later). A chunk of its own, fetched (with
 * livekit-client) while the shopper reads the first screen and chooses, so that the first
 * screen comes up sooner.
 */
import '../../ui/call-stage.js';
import '../../ui/chat-view.js';
import './device-check.js';
import './handoff-card.js';
import './offline-forms.js';
import './rating-form.js';
