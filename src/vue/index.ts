/**
 * `expert-call/vue`: Vue's types for `<expert-call>` and `<expert-console>` in templates
 * (GlobalComponents, checked by vue-tsc and Volar), and the `isCustomElement` test that Vue's
 * template compiler needs so that it leaves our tags to the browser.
 */
import type { DefineComponent } from 'vue';
import type { DeskStateChange } from '../console/index.js';
import type {
  ExpertCallErrorDetail,
  ProductEventDetail,
  ShopperContext,
  StateChange,
} from '../widget/index.js';

/** For `compilerOptions.isCustomElement` (Vite's `vue()` plugin, or `app.config`). */
export function isCustomElement(tag: string): boolean {
  return tag === 'expert-call' || tag === 'expert-console';
}

export interface ExpertCallVueProps {
  hub?: string;
  topic?: string;
  label?: string;
  lang?: string;
  placement?: 'floating' | 'inline';
  'when-unavailable'?: 'show' | 'hide';
  context?: ShopperContext | string;
  /** A token the shop's server signed for the logged-in customer (set as a property). */
  customerToken?: string | null;
  /** `@ec-state` */
  onEcState?: (event: CustomEvent<StateChange>) => void;
  /** `@ec-open` */
  onEcOpen?: (event: CustomEvent<null>) => void;
  /** `@ec-close` */
  onEcClose?: (event: CustomEvent<null>) => void;
  /** `@ec-error` */
  onEcError?: (event: CustomEvent<ExpertCallErrorDetail>) => void;
  /** `@ec-add-to-cart` */
  onEcAddToCart?: (event: CustomEvent<ProductEventDetail>) => void;
  /** `@ec-reserve` */
  onEcReserve?: (event: CustomEvent<ProductEventDetail>) => void;
  /** `@ec-open-product` */
  onEcOpenProduct?: (event: CustomEvent<ProductEventDetail>) => void;
}

export interface ExpertConsoleVueProps {
  hub?: string;
  topics?: string;
  languages?: string;
  lang?: string;
  session?: string;
  /** `@ec-desk-state` */
  onEcDeskState?: (event: CustomEvent<DeskStateChange>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'expert-call': DefineComponent<ExpertCallVueProps>;
    'expert-console': DefineComponent<ExpertConsoleVueProps>;
  }
}
