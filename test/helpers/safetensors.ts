// Reads a .safetensors file into raw tensors (name → dtype, shape, bytes), so tests can compare
// weights bit for bit without Python. Format: u64 little-endian header size, JSON header, data.
import { readFileSync } from 'node:fs';

export type RawTensor = { dtype: string; shape: number[]; bytes: Buffer };

export function readSafetensors(path: string): Map<string, RawTensor> {
  const file = readFileSync(path);
  const headerSize = Number(file.readBigUInt64LE(0));
  const header = JSON.parse(file.subarray(8, 8 + headerSize).toString('utf8')) as Record<string, unknown>;
  const start = 8 + headerSize;
  const tensors = new Map<string, RawTensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    type Entry = { dtype: string; shape: number[]; data_offsets: [number, number] };
    const {
      dtype,
      shape,
      data_offsets: [from, to],
    } = entry as Entry;
    tensors.set(name, { dtype, shape, bytes: file.subarray(start + from, start + to) });
  }
  return tensors;
}
