// The custom-elements manifest (dist/custom-elements.json, the package's "customElements"):
// editors, Storybook and framework wrappers read our elements' public surface from it, which
// is the JSDoc on each element's class (@attr, @event, @csspart, @cssprop, …).

/**
 * The analyser takes assignments in the constructor to the launcher's inner nodes
 * (`icon.className = …`, `this.badge.hidden = …`) for fields of the element: they are not ours.
 */
const noInnerNodeFields = {
  name: 'no-inner-node-fields',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) => member.description || member.kind !== 'field' || member.privacy,
        );
      }
    }
  },
};

export default {
  globs: ['src/widget/expert-call.ts', 'src/console/expert-console.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [noInnerNodeFields],
};
