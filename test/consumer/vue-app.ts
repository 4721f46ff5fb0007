// A shop's tiny Vue 3 app, as its developer would write it against the published package: the
// element in a template, Vue told it is a custom element. Built by test/e2e/frameworks.test.ts.
import { createApp, type GlobalComponents } from 'vue';
import 'expert-call';
import { isCustomElement } from 'expert-call/vue';
import type { ExpertCallErrorDetail } from 'expert-call';

// What vue-tsc checks in templates: the element's props and events, typed.
type ExpertCallProps = InstanceType<GlobalComponents['expert-call']>['$props'];
const typed: ExpertCallProps = {
  hub: 'https://experts.example',
  placement: 'inline',
  onEcError: (event) => event.detail.reason,
  onEcAddToCart: (event) => event.detail.product.name,
};
void typed;

const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);

const app = createApp({
  setup: () => ({
    context: { product: { name: 'Lumen E-City 500' } },
    onError: (event: CustomEvent<ExpertCallErrorDetail>) => seen.push(`vue:${event.detail.reason}`),
  }),
  template: `<expert-call id="vue" placement="inline" label="Frage" :context="context" @ec-error="onError"></expert-call>`,
});
app.config.compilerOptions.isCustomElement = isCustomElement;
app.mount('#root');
