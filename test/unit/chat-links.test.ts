/**
 * Which addresses in a chat message become links: http and https only; every other scheme,
 * and everything around a link, stays text.
 */
import assert from 'node:assert/strict';
import { linkParts, type TextPart } from '../../src/core/chat-links.js';
import { describe, it } from '../support/node-test.js';

const text = (t: string): TextPart => ({ kind: 'text', text: t });
const link = (href: string): TextPart => ({ kind: 'link', href });

describe('links in chat', () => {
  it('makes http and https addresses links, and keeps the words around them', () => {
    assert.deepEqual(linkParts('see https://shop.example/a?b=1 and http://x.example/p#q now'), [
      text('see '),
      link('https://shop.example/a?b=1'),
      text(' and '),
      link('http://x.example/p#q'),
      text(' now'),
    ]);
    assert.deepEqual(linkParts('https://shop.example'), [link('https://shop.example')]);
  });

  it('leaves the punctuation that ends a sentence out of the link', () => {
    for (const end of ['.', ',', ';', ':', '!', '?', ')', ']']) {
      assert.deepEqual(
        linkParts(`(https://shop.example/lumen-500${end}`),
        [text('('), link('https://shop.example/lumen-500'), text(end)],
        end,
      );
    }
    assert.deepEqual(linkParts('https://shop.example/a.b/c'), [link('https://shop.example/a.b/c')]);
  });

  it('keeps every other scheme as text', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'javascript://%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'mailto:a@b.example',
      'ftp://files.example/x',
      '//shop.example/protocol-relative',
      'HTTPS://SHOP.EXAMPLE/shouting',
      'xhttps://shop.example/glued',
      'https:/shop.example/one-slash',
      'https://',
    ]) {
      assert.deepEqual(linkParts(hostile), [text(hostile)], hostile);
    }
  });

  it('ends a link at a space, a quote or an angle bracket: nothing can be smuggled into it', () => {
    assert.deepEqual(linkParts('https://a.example/x"onmouseover="alert(1)'), [
      link('https://a.example/x'),
      text('"onmouseover="alert(1)'),
    ]);
    assert.deepEqual(linkParts("https://a.example/x'y"), [link('https://a.example/x'), text("'y")]);
    assert.deepEqual(linkParts('<https://a.example/x>'), [
      text('<'),
      link('https://a.example/x'),
      text('>'),
    ]);
    assert.deepEqual(linkParts('https://a.example/x\nnext line'), [
      link('https://a.example/x'),
      text('\nnext line'),
    ]);
  });

  it('gives plain text back as one part, and nothing for nothing', () => {
    assert.deepEqual(linkParts('no link here'), [text('no link here')]);
    assert.deepEqual(linkParts(''), []);
  });
});
