/** The ModelMetadata flatbuffer for a selfie segmenter's input and output tensors. */
export function segmenterMetadata(tensors: { input: string; output: string }): Uint8Array;
/** The model with the TFLite metadata MediaPipe's ImageSegmenter needs. */
export function withSegmenterMetadata(original: Uint8Array): Uint8Array;
