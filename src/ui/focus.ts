/** What the keyboard can reach inside `root`, in order, through open shadow roots. */
export function focusables(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      if (child instanceof HTMLElement && child.hidden) continue;
      if (child.shadowRoot) walk(child.shadowRoot);
      if (
        child instanceof HTMLElement &&
        child.matches(FOCUSABLE) &&
        !child.matches(':disabled') &&
        child.tabIndex >= 0 &&
        child.checkVisibility()
      ) {
        found.push(child);
      }
      walk(child);
    }
  };
  walk(root);
  return found;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex], summary';
