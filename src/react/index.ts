/**
 * `expert-call/react`: `<ExpertCall>` for React, a thin @lit/react wrapper over `<expert-call>`
 * with typed props and events, and the JSX types of `<expert-call>` and `<expert-console>` for
 * pages that use the elements themselves (React 19 passes properties to custom elements).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { DeskStateChange } from '../console/index.js';
import {
  ExpertCall as ExpertCallElement,
  type ExpertCallErrorDetail,
  type ProductEventDetail,
  type ShopperContext,
  type StateChange,
} from '../widget/index.js';

export type {
  ExpertCallErrorDetail,
  ProductEventDetail,
  ShopperContext,
  StateChange,
} from '../widget/index.js';

/** The props of `<ExpertCall>`: the element's attributes and properties, and its events. */
export interface ExpertCallProps extends Omit<
  React.HTMLAttributes<ExpertCallElement>,
  'onError' | 'placement'
> {
  hub?: string;
  topic?: string;
  label?: string;
  placement?: 'floating' | 'inline';
  context?: ShopperContext;
  /** A token the shop's server signed for the logged-in customer (README, "Identify a logged-in customer"). */
  customerToken?: string | null;
  onEcState?: (event: CustomEvent<StateChange>) => void;
  onEcOpen?: (event: CustomEvent<null>) => void;
  onEcClose?: (event: CustomEvent<null>) => void;
  onEcError?: (event: CustomEvent<ExpertCallErrorDetail>) => void;
  /** The shopper added a product the expert showed: add it to the page's cart. */
  onEcAddToCart?: (event: CustomEvent<ProductEventDetail>) => void;
  /** The shopper reserved a product the expert showed. */
  onEcReserve?: (event: CustomEvent<ProductEventDetail>) => void;
  /** The shopper opened a product's page (cancel to route there yourself). */
  onEcOpenProduct?: (event: CustomEvent<ProductEventDetail>) => void;
}

/**
 * `<ExpertCall hub="…" onEcState={(e) => e.detail.state} />`: the element's attributes and
 * properties as props, its events as `onEcState`, `onEcOpen`, `onEcClose`, `onEcError`,
 * `onEcAddToCart`, `onEcReserve`, `onEcOpenProduct`. Typed
 * here rather than by @lit/react, which is bundled in: a shop installs nothing more for it.
 */
export const ExpertCall: React.ForwardRefExoticComponent<
  ExpertCallProps & React.RefAttributes<ExpertCallElement>
> = createComponent({
  tagName: 'expert-call',
  elementClass: ExpertCallElement,
  react: React,
  events: {
    onEcState: 'ec-state' as EventName<CustomEvent<StateChange>>,
    onEcOpen: 'ec-open' as EventName<CustomEvent<null>>,
    onEcClose: 'ec-close' as EventName<CustomEvent<null>>,
    onEcError: 'ec-error' as EventName<CustomEvent<ExpertCallErrorDetail>>,
    onEcAddToCart: 'ec-add-to-cart' as EventName<CustomEvent<ProductEventDetail>>,
    onEcReserve: 'ec-reserve' as EventName<CustomEvent<ProductEventDetail>>,
    onEcOpenProduct: 'ec-open-product' as EventName<CustomEvent<ProductEventDetail>>,
  },
});

type Base<E> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E>;

/** `<expert-call>` in JSX: React 19 sets `context` as a property, and `onec-*` as listeners. */
export interface ExpertCallJsxProps extends Base<HTMLElement> {
  hub?: string;
  topic?: string;
  label?: string;
  lang?: string;
  placement?: 'floating' | 'inline';
  'when-unavailable'?: 'show' | 'hide';
  context?: ShopperContext | string;
  customerToken?: string | null;
  'onec-state'?: (event: CustomEvent<StateChange>) => void;
  'onec-open'?: (event: CustomEvent<null>) => void;
  'onec-close'?: (event: CustomEvent<null>) => void;
  'onec-error'?: (event: CustomEvent<ExpertCallErrorDetail>) => void;
  'onec-add-to-cart'?: (event: CustomEvent<ProductEventDetail>) => void;
  'onec-reserve'?: (event: CustomEvent<ProductEventDetail>) => void;
  'onec-open-product'?: (event: CustomEvent<ProductEventDetail>) => void;
}

/** `<expert-console>` in JSX. */
export interface ExpertConsoleJsxProps extends Base<HTMLElement> {
  hub?: string;
  topics?: string;
  languages?: string;
  lang?: string;
  session?: string;
  'onec-desk-state'?: (event: CustomEvent<DeskStateChange>) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace
  namespace JSX {
    interface IntrinsicElements {
      'expert-call': ExpertCallJsxProps;
      'expert-console': ExpertConsoleJsxProps;
    }
  }
}
