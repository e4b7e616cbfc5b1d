// The fetch sender's reader for a body of no stated length (chunked) or one decoded on the
// way (gzip …): it keeps count, so that no answer grows past maxResponseBytes in memory.

/** Reads a stream whole as UTF-8 text, or rejects with `cut()` as soon as it passes `limit` bytes. */
export async function readCapped(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number, cut: () => Error): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) throw cut();
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
