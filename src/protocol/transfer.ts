// Collect the ArrayBuffers of every typed array inside a result, for Comlink.transfer (moved to
// the main thread, not copied). Duplicates are removed: transferring a buffer twice throws.
export function collectBuffers(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) collectBuffers(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectBuffers(v, out);
  }
  return [...out];
}
