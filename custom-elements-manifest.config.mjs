// The custom-elements manifest (dist/custom-elements.json, the package's "customElements"):
// editors, Storybook and framework wrappers read our elements' public surface from it, which
// is the JSDoc on each element's class (@attr, @event, @csspart, @cssprop, …).
export default {
  globs: ['src/widget/expert-call.ts', 'src/console/expert-console.ts'],
  outdir: 'dist',
  litelement: true,
};
