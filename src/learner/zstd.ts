// zstd for protobuf request bodies (Tinker's proto_compress_fwdbwd): the zstd library compiled to
// WebAssembly (@bokuweb/zstd-wasm: no native build, works on Node 20), instantiated once on first use.
import { compress, decompress, init } from '@bokuweb/zstd-wasm';

let ready: Promise<void> | undefined;

function loaded(): Promise<void> {
  ready ??= init();
  return ready;
}

/** One zstd frame at level 3 (what the Tinker SDK's zstandard.ZstdCompressor() writes by default); the frame
 * header states the decompressed size, which servers check against their request limit before inflating. */
export async function zstdCompress(bytes: Uint8Array): Promise<Uint8Array> {
  await loaded();
  return compress(bytes, 3);
}

/** The bytes of one zstd frame that states its size (as zstdCompress writes it). */
export async function zstdDecompress(frame: Uint8Array): Promise<Uint8Array> {
  await loaded();
  return decompress(frame);
}
