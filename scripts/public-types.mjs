#!/usr/bin/env node
// Makes the emitted declarations (dist/types) self-contained for a consumer's tsc, even with
// skipLibCheck: false. tsc keeps, in a .d.ts, the side-effect imports of the modules that
// define our internal elements (ec-call-stage, …), and through them livekit-client's own
// declarations, which do not type-check without packages it does not depend on. Those internal
// elements are no part of the public API, so their imports go; `lit-html` (not a dependency of
// ours) is named through `lit`, which re-exports it. Then every file reachable from the public
// entry points is checked to name no module but ours, lit and valibot.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = 'dist/types';
const entries = ['widget/index.d.ts', 'console/index.d.ts', 'react/index.d.ts', 'vue/index.d.ts'];
const allowed = /^(lit|lit\/.*|valibot|react|vue)$/;

const files = readdirSync(root, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.d.ts'));
for (const file of files) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = before
    .replace(/^import '\.\.?\/[^']+';\n/gm, '')
    .replaceAll('import("lit-html")', 'import("lit")');
  if (after !== before) writeFileSync(path, after);
}

const seen = new Set();
const problems = [];
const visit = (path) => {
  if (seen.has(path)) return;
  seen.add(path);
  const text = readFileSync(path, 'utf8');
  for (const [, specifier] of text.matchAll(/(?:from |import\()['"]([^'"]+)['"]/g)) {
    if (specifier.startsWith('.'))
      visit(resolve(dirname(path), specifier.replace(/\.js$/, '.d.ts')));
    else if (!allowed.test(specifier)) problems.push(`${path} names "${specifier}"`);
  }
};
for (const entry of entries) {
  if (existsSync(join(root, entry))) visit(resolve(root, entry));
}
if (problems.length) {
  console.error(`The public types reach modules a consumer may not have:\n${problems.join('\n')}`);
  process.exit(1);
}
