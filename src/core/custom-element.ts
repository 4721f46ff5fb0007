/**
 * Defining elements only where there is a DOM, so that importing any of our entry points during
 * server-side rendering (Next.js, Nuxt, Astro, plain Node) neither throws nor defines anything.
 */

/** True in a browser (or a DOM emulation such as jsdom); false in Node, Deno or a worker. */
export const hasDom: boolean =
  typeof window !== 'undefined' &&
  typeof document !== 'undefined' &&
  typeof customElements !== 'undefined';

/**
 * `HTMLElement` where there is one; an empty class elsewhere, so that a plain-DOM element's class
 * can be declared (not used) on a server.
 */
export const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/** Defines `tag` once, in a browser only: a second copy of the script, or a server, is a no-op. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (hasDom && !customElements.get(tag)) customElements.define(tag, element);
}

/**
 * Lit's `@customElement` (standard decorators), but through `defineElement`: Lit's server build
 * would otherwise register our elements in its shim registry on a mere import.
 */
export function customElement(tag: string) {
  return <C extends CustomElementConstructor>(element: C, context: ClassDecoratorContext<C>) => {
    context.addInitializer(() => defineElement(tag, element));
  };
}
