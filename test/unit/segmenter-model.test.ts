/**
 * The build's rewrite of the selfie segmentation model (scripts/segmenter-model.mjs): the
 * metadata MediaPipe's tasks need is added, and nothing of the model is lost or moved out of
 * its alignment. That MediaPipe then loads it and blurs is the end-to-end blur test's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from '../support/node-test.js';
import { withSegmenterMetadata } from '../../scripts/segmenter-model.mjs';

const modelDir = dirname(
  createRequire(import.meta.url).resolve('@mediapipe/selfie_segmentation/package.json'),
);
const original = new Uint8Array(readFileSync(join(modelDir, 'selfie_segmentation.tflite')));

/** A minimal FlatBuffers reader over a whole file. */
function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const at = (pointer: number) => pointer + u32(pointer);
  const fields = (table: number) => {
    const vtable = table - view.getInt32(table, true);
    return Array.from({ length: (view.getUint16(vtable, true) - 4) / 2 }, (_, i) => {
      const offset = view.getUint16(vtable + 4 + 2 * i, true);
      return offset ? table + offset : 0;
    });
  };
  const vector = (pointer: number) => {
    const start = at(pointer);
    return Array.from({ length: u32(start) }, (_, i) => start + 4 + 4 * i);
  };
  const string = (pointer: number) => {
    const start = at(pointer);
    return new TextDecoder().decode(bytes.subarray(start + 4, start + 4 + u32(start)));
  };
  const bytesOf = (pointer: number) => {
    const start = at(pointer);
    return { start: start + 4, data: bytes.subarray(start + 4, start + 4 + u32(start)) };
  };
  return { u32, at, fields, vector, string, bytesOf };
}

describe('the segmenter model the build ships', () => {
  const patched = withSegmenterMetadata(original);
  const r = reader(patched);
  const model = r.fields(r.u32(0));

  it('keeps the original file whole, at a 16-byte aligned offset', () => {
    const shift = patched.length - original.length;
    assert.equal(shift % 16, 0);
    assert.deepEqual(patched.subarray(shift), original);
    assert.equal(new TextDecoder().decode(patched.subarray(4, 8)), 'TFL3');
  });

  it('lists the old buffers and one more holding the metadata, named TFLITE_METADATA', () => {
    const old = reader(original);
    const oldModel = old.fields(old.u32(0));
    const buffers = r.vector(model[4]!);
    assert.equal(buffers.length, old.vector(oldModel[4]!).length + 1);
    const entries = r.vector(model[6]!).map((p) => r.fields(r.at(p)));
    const entry = entries.find((e) => r.string(e[0]!) === 'TFLITE_METADATA');
    assert.ok(entry, 'a TFLITE_METADATA entry');
    assert.equal(r.u32(entry[1]!), buffers.length - 1);
    const { start, data } = r.bytesOf(r.fields(r.at(buffers.at(-1)!))[0]!);
    assert.equal(start % 16, 0, 'the metadata sits 16-byte aligned');
    assert.equal(new TextDecoder().decode(data.subarray(4, 8)), 'M001');
    // Everything the old root pointed at is still reached from the new one.
    assert.equal(r.u32(model[0]!), old.u32(oldModel[0]!), 'the schema version');
    assert.equal(r.string(model[3]!), old.string(oldModel[3]!), 'the description');
  });

  it('says the input is RGB, normalised as (x − 0) / 255, for the model’s own tensor names', () => {
    const buffers = r.vector(model[4]!);
    const { data } = r.bytesOf(r.fields(r.at(buffers.at(-1)!))[0]!);
    const m = reader(data);
    const metadata = m.fields(m.u32(0));
    const [subgraph] = m.vector(metadata[3]!).map((p) => m.fields(m.at(p)));
    const [input] = m.vector(subgraph![2]!).map((p) => m.fields(m.at(p)));
    const [output] = m.vector(subgraph![3]!).map((p) => m.fields(m.at(p)));
    assert.equal(m.string(input![0]!), 'input_1');
    assert.equal(m.string(output![0]!), 'activation_10');
    const content = m.fields(m.at(input![3]!));
    assert.equal(data[content[0]!], 2, 'ImageProperties');
    assert.equal(data[m.fields(m.at(content[1]!))[0]!], 1, 'RGB');
    const [unit] = m.vector(input![4]!).map((p) => m.fields(m.at(p)));
    assert.equal(data[unit![0]!], 1, 'NormalizationOptions');
    const normalization = m.fields(m.at(unit![1]!));
    const floats = (pointer: number) => {
      const start = m.at(pointer);
      return Array.from({ length: m.u32(start) }, (_, i) =>
        new DataView(data.buffer, data.byteOffset).getFloat32(start + 4 + 4 * i, true),
      );
    };
    assert.deepEqual(floats(normalization[0]!), [0]);
    assert.deepEqual(floats(normalization[1]!), [255]);
  });

  it('refuses a file that is not a TFLite model, and one that has metadata already', () => {
    assert.throws(() => withSegmenterMetadata(new Uint8Array(64)), /not a TFLite model/);
    assert.throws(() => withSegmenterMetadata(patched), /already has TFLite metadata/);
  });
});
