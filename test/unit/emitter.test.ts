/** The typed emitter every core object reports through. */
import assert from 'node:assert/strict';
import { Emitter } from '../../src/core/emitter.js';
import { describe, it } from '../support/node-test.js';

class Doorbell extends Emitter<{ ring: number; knock: undefined }> {
  ring(times: number): void {
    this.emit('ring', times);
  }
  knock(): void {
    this.emit('knock', undefined);
  }
}

describe('Emitter', () => {
  it('calls every listener of an event, in the order they came, with its payload', () => {
    const bell = new Doorbell();
    const heard: string[] = [];
    bell.on('ring', (n) => heard.push(`a${n}`));
    bell.on('ring', (n) => heard.push(`b${n}`));
    bell.on('knock', () => heard.push('knock'));
    bell.ring(2);
    bell.knock();
    assert.deepEqual(heard, ['a2', 'b2', 'knock']);
  });

  it('stops calling a listener once its teardown is called, and only that one', () => {
    const bell = new Doorbell();
    const heard: string[] = [];
    const off = bell.on('ring', () => heard.push('a'));
    bell.on('ring', () => heard.push('b'));
    off();
    off();
    bell.ring(1);
    assert.deepEqual(heard, ['b']);
  });

  it('lets a listener remove itself or add another while the event is being told', () => {
    const bell = new Doorbell();
    const heard: string[] = [];
    const off = bell.on('ring', () => {
      heard.push('once');
      off();
      bell.on('ring', () => heard.push('later'));
    });
    bell.on('ring', () => heard.push('always'));
    bell.ring(1);
    assert.deepEqual(heard, ['once', 'always'], 'a listener added now hears the next event');
    bell.ring(1);
    assert.deepEqual(heard, ['once', 'always', 'always', 'later']);
  });

  it('tells nobody of an event without listeners', () => {
    assert.doesNotThrow(() => new Doorbell().knock());
  });
});
