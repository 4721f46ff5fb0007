// The person/background model behind background blur, made loadable by MediaPipe's tasks.
//
// The only selfie segmentation model on npm is @mediapipe/selfie_segmentation's (the legacy
// MediaPipe solution). Its input is float RGB in [0, 1], but the file says nothing about it, and
// @mediapipe/tasks-vision's ImageSegmenter refuses a float model without the TFLite metadata that
// says how to normalise ("requires specifying NormalizationOptions metadata"). So the build adds
// that metadata: the model's own bytes are kept as they are, after a new root table that lists
// them plus one more buffer holding the metadata. FlatBuffers offsets only point forward, so the
// new parts go in front of the old file, which moves as a whole by a multiple of 16 bytes (its
// buffers' alignment).
import { Builder } from 'flatbuffers';

/** What a TFLite model's metadata must say of a selfie segmenter's tensors. */
const METADATA_NAME = 'TFLITE_METADATA';

/**
 * A ModelMetadata flatbuffer (tflite's metadata_schema.fbs, identifier M001) for one RGB image
 * input normalised as (x − 0) / 255 and one mask output.
 * @param {{ input: string, output: string }} tensors the model's tensor names
 */
export function segmenterMetadata({ input, output }) {
  const b = new Builder(512);
  const floats = (/** @type {number[]} */ values) => {
    b.startVector(4, values.length, 4);
    for (const value of [...values].reverse()) b.addFloat32(value);
    return b.endVector();
  };
  const offsets = (/** @type {number[]} */ values) => {
    b.startVector(4, values.length, 4);
    for (const value of [...values].reverse()) b.addOffset(value);
    return b.endVector();
  };
  // NormalizationOptions { mean, std }
  const mean = floats([0]);
  const std = floats([255]);
  b.startObject(2);
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();
  // ProcessUnit { options_type: NormalizationOptions (1), options }
  b.startObject(2);
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, normalization, 0);
  const units = offsets([b.endObject()]);
  // ImageProperties { color_space: RGB (1) }
  b.startObject(2);
  b.addFieldInt8(0, 1, 0);
  const image = b.endObject();
  // Content { content_properties_type: ImageProperties (2), content_properties }
  b.startObject(3);
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, image, 0);
  const content = b.endObject();
  // TensorMetadata { name, content, process_units } for the input, { name } for the output
  const inputName = b.createString(input);
  b.startObject(7);
  b.addFieldOffset(0, inputName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, units, 0);
  const inputs = offsets([b.endObject()]);
  const outputName = b.createString(output);
  b.startObject(7);
  b.addFieldOffset(0, outputName, 0);
  const outputs = offsets([b.endObject()]);
  // SubGraphMetadata { input_tensor_metadata, output_tensor_metadata }
  b.startObject(5);
  b.addFieldOffset(2, inputs, 0);
  b.addFieldOffset(3, outputs, 0);
  const subgraphs = offsets([b.endObject()]);
  // ModelMetadata { name, subgraph_metadata, min_parser_version }
  const name = b.createString('selfie segmentation');
  const parser = b.createString('1.0.0');
  b.startObject(8);
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, parser, 0);
  b.finish(b.endObject(), 'M001');
  return b.asUint8Array();
}

/** Reads the parts of a TFLite model (schema.fbs) this file needs. */
function readModel(/** @type {Uint8Array} */ bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (/** @type {number} */ at) => view.getUint32(at, true);
  const at = (/** @type {number} */ pointer) => pointer + u32(pointer);
  /** A table's field positions (0 for an absent field). */
  const fields = (/** @type {number} */ table) => {
    const vtable = table - view.getInt32(table, true);
    const count = (view.getUint16(vtable, true) - 4) / 2;
    return Array.from({ length: count }, (_, i) => {
      const offset = view.getUint16(vtable + 4 + 2 * i, true);
      return offset ? table + offset : 0;
    });
  };
  const vector = (/** @type {number} */ pointer) => {
    const start = at(pointer);
    return Array.from({ length: u32(start) }, (_, i) => start + 4 + 4 * i);
  };
  const string = (/** @type {number} */ pointer) => {
    const start = at(pointer);
    return new TextDecoder().decode(bytes.subarray(start + 4, start + 4 + u32(start)));
  };
  if (new TextDecoder().decode(bytes.subarray(4, 8)) !== 'TFL3') {
    throw new Error('segmenter model: not a TFLite model (no TFL3 identifier)');
  }
  const model = fields(u32(0));
  const [subgraph] = vector(model[2] ?? 0).map((p) => fields(at(p)));
  if (!subgraph || !model[4]) throw new Error('segmenter model: no subgraph or no buffers');
  const tensors = vector(subgraph[0] ?? 0).map((p) => fields(at(p)));
  const tensorName = (/** @type {number} */ listField) => {
    const [index] = vector(listField).map((p) => view.getInt32(p, true));
    const tensor = tensors[index ?? -1];
    if (!tensor?.[3]) throw new Error('segmenter model: a tensor without a name');
    return string(tensor[3]);
  };
  const metadata = model[6] ? vector(model[6]).map((p) => fields(at(p))) : [];
  if (metadata.some((entry) => entry[0] && string(entry[0]) === METADATA_NAME)) {
    throw new Error('segmenter model: it already has TFLite metadata');
  }
  return {
    /** Where each of the Model table's eight fields points (0: absent), and its version. */
    version: model[0] ? u32(model[0]) : 0,
    targets: model.map((field) => (field ? at(field) : 0)),
    buffers: vector(model[4]).map(at),
    metadata: model[6] ? vector(model[6]).map(at) : [],
    input: tensorName(subgraph[1] ?? 0),
    output: tensorName(subgraph[2] ?? 0),
  };
}

/**
 * The model with the metadata `segmenterMetadata` describes, so that MediaPipe's ImageSegmenter
 * loads it. The returned file is the new root and buffers followed by the unchanged input.
 * @param {Uint8Array} original a .tflite file with no metadata
 */
export function withSegmenterMetadata(original) {
  const model = readModel(original);
  const metadata = segmenterMetadata(model);
  const MODEL_FIELDS = 7; // version … metadata (signature_defs is kept out: the model has none)
  if (model.targets[7]) throw new Error('segmenter model: signature definitions are not kept');

  // The front part, laid out forward. Positions are within it; the old file follows at `shift`.
  let length = 0;
  const place = (/** @type {number} */ size, /** @type {number} */ align = 4) => {
    length = Math.ceil(length / align) * align;
    const start = length;
    length += size;
    return start;
  };
  const root = place(8); // root offset, then "TFL3"
  const vtable = place(4 + 2 * MODEL_FIELDS);
  const table = place(4 + 4 * MODEL_FIELDS);
  const buffers = place(4 + 4 * (model.buffers.length + 1));
  const entries = place(4 + 4 * (model.metadata.length + 1));
  const entryVtable = place(8);
  const entry = place(12);
  const name = place(4 + METADATA_NAME.length + 1);
  const bufferVtable = place(6);
  const buffer = place(8);
  // The data's length sits just before 16-byte aligned bytes.
  length = Math.ceil((length + 4) / 16) * 16 - 4;
  const data = place(4 + metadata.length);
  const shift = Math.ceil(length / 16) * 16;

  const out = new Uint8Array(shift + original.length);
  out.set(original, shift);
  const view = new DataView(out.buffer);
  const u16 = (/** @type {number} */ at, /** @type {number} */ value) =>
    view.setUint16(at, value, true);
  const u32 = (/** @type {number} */ at, /** @type {number} */ value) =>
    view.setUint32(at, value, true);
  /** A forward offset from `at` to `target` (both positions in `out`). */
  const point = (/** @type {number} */ at, /** @type {number} */ target) => {
    if (target <= at) throw new Error('segmenter model: a backward offset');
    u32(at, target - at);
  };

  point(root, table);
  out.set(new TextEncoder().encode('TFL3'), root + 4);
  // Model { version, operator_codes, subgraphs, description, buffers, metadata_buffer, metadata }
  u16(vtable, 4 + 2 * MODEL_FIELDS);
  u16(vtable + 2, 4 + 4 * MODEL_FIELDS);
  view.setInt32(table, table - vtable, true);
  for (let field = 0; field < MODEL_FIELDS; field++) {
    const slot = table + 4 + 4 * field;
    const target =
      field === 4 ? buffers : field === 6 ? entries : (model.targets[field] ?? 0) + shift;
    const present = field === 0 || field === 4 || field === 6 || Boolean(model.targets[field]);
    u16(vtable + 4 + 2 * field, present ? slot - table : 0);
    if (!present) continue;
    if (field === 0) u32(slot, model.version);
    else point(slot, target);
  }
  // buffers: the old ones, then the metadata's
  u32(buffers, model.buffers.length + 1);
  model.buffers.forEach((old, i) => point(buffers + 4 + 4 * i, old + shift));
  point(buffers + 4 + 4 * model.buffers.length, buffer);
  // metadata: the old entries, then { name: "TFLITE_METADATA", buffer: <its index> }
  u32(entries, model.metadata.length + 1);
  model.metadata.forEach((old, i) => point(entries + 4 + 4 * i, old + shift));
  point(entries + 4 + 4 * model.metadata.length, entry);
  u16(entryVtable, 8);
  u16(entryVtable + 2, 12);
  u16(entryVtable + 4, 4);
  u16(entryVtable + 6, 8);
  view.setInt32(entry, entry - entryVtable, true);
  point(entry + 4, name);
  u32(entry + 8, model.buffers.length);
  u32(name, METADATA_NAME.length);
  out.set(new TextEncoder().encode(METADATA_NAME), name + 4);
  // Buffer { data }
  u16(bufferVtable, 6);
  u16(bufferVtable + 2, 8);
  u16(bufferVtable + 4, 4);
  view.setInt32(buffer, buffer - bufferVtable, true);
  point(buffer + 4, data);
  u32(data, metadata.length);
  out.set(metadata, data + 4);
  return out;
}
