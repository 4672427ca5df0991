// Tinker's binary wire for tensors (application/x-protobuf): forward_backward requests and results as the
// SDK's tinker_public messages, from our schema learner/tinker_public.json (the SDK's names and field
// numbers). Tokens travel as int32 bytes, tensors as raw little-endian bytes, results as one BatchedTensor
// per field with byte offsets per datum. Both directions, so tests and benchmarks can play either side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';
import { LearnerError } from '../core/index.js';
import { learnerRoot } from './locate.js';
import type { Datum, ForwardBackwardInput, ForwardBackwardOutput, TensorData } from './types.js';

export const PROTO_CONTENT_TYPE = 'application/x-protobuf';

const DTYPE = { float32: 1, int64: 2, int32: 3, bfloat16: 4 } as const;

type Types = { request: protobuf.Type; output: protobuf.Type };
let loaded: Types | undefined;

function types(): Types {
  if (!loaded) {
    const json = JSON.parse(
      readFileSync(join(learnerRoot(), 'learner', 'tinker_public.json'), 'utf8'),
    ) as protobuf.INamespace;
    const root = protobuf.Root.fromJSON({ nested: json.nested });
    loaded = {
      request: root.lookupType('tinker_public.ForwardBackwardRequest'),
      output: root.lookupType('tinker_public.ForwardBackwardOutput'),
    };
  }
  return loaded;
}

export type ForwardBackwardWireRequest = {
  model_id: string;
  seq_id?: number;
  forward_only: boolean;
  input: ForwardBackwardInput;
};

type ProtoTensor = {
  dense?: Uint8Array;
  sparse_csr?: { values: Uint8Array; crow_indices: Uint8Array; col_indices: Uint8Array };
  dtype: number;
  shape: number[];
};
type ProtoBatched = { data: Uint8Array; offsets: Uint8Array; dtype: number; trailing_shape: number[] };

const bytesOf = (view: ArrayBufferView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

/** int64 little-endian bytes of small integers without BigInt: low word, then the sign word. */
function int64Bytes(values: readonly number[]): Uint8Array {
  const words = new Int32Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    words[2 * i] = values[i];
    words[2 * i + 1] = values[i] < 0 ? -1 : 0;
  }
  return bytesOf(words);
}

/** A copy of `bytes` in a fresh (aligned) buffer, viewed as `Kind` (a Node Buffer's slice() shares its pool). */
function view<T>(bytes: Uint8Array, Kind: new (buffer: ArrayBuffer) => T): T {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Kind(copy.buffer);
}

function int64Values(bytes: Uint8Array): number[] {
  const words = view(bytes, Int32Array);
  const out = new Array<number>(words.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = words[2 * i + 1] * 4294967296 + (words[2 * i] >>> 0);
  return out;
}

function tensorToProto(t: TensorData): ProtoTensor {
  const dense = t.dtype === 'int64' ? int64Bytes(t.data) : bytesOf(Float32Array.from(t.data));
  return { dense, dtype: DTYPE[t.dtype], shape: t.shape ?? [t.data.length] };
}

export function encodeForwardBackwardRequest(request: ForwardBackwardWireRequest): Uint8Array {
  const { input } = request;
  return types()
    .request.encode({
      model_id: request.model_id,
      seq_id: request.seq_id ?? 0,
      loss_fn: input.loss_fn,
      loss_fn_config: input.loss_fn_config ?? {},
      forward_only: request.forward_only,
      data: input.data.map((d) => ({
        model_input: d.model_input.chunks.map((c) => ({
          encoded_text: { tokens: bytesOf(Int32Array.from(c.tokens)) },
        })),
        loss_fn_inputs: Object.fromEntries(
          Object.entries(d.loss_fn_inputs).map(([k, t]) => [k, tensorToProto(t as TensorData)]),
        ),
      })),
    })
    .finish();
}

function tensorFromProto(t: ProtoTensor, where: string): TensorData {
  const dtype = t.dtype === DTYPE.int64 ? 'int64' : t.dtype === DTYPE.float32 ? 'float32' : undefined;
  if (!dtype) throw new LearnerError(`${where}: dtype ${t.dtype} is not float32 or int64`, { status: 400 });
  const values = (bytes: Uint8Array) =>
    dtype === 'int64' ? int64Values(bytes) : Array.from(view(bytes, Float32Array));
  const shape = t.shape.map(Number);
  if (!t.sparse_csr) return { data: values(t.dense ?? new Uint8Array()), dtype, shape };
  // CSR (the SDK sparsifies 2-D tensors when that is smaller): rows by crow_indices, columns by col_indices.
  const [rows, cols] = shape;
  const dense = new Array<number>(rows * cols).fill(0);
  const crow = int64Values(t.sparse_csr.crow_indices);
  const col = int64Values(t.sparse_csr.col_indices);
  const nonzero = values(t.sparse_csr.values);
  for (let r = 0; r < rows; r++) for (let j = crow[r]; j < crow[r + 1]; j++) dense[r * cols + col[j]] = nonzero[j];
  return { data: dense, dtype, shape };
}

/** The JSON-shaped request a protobuf forward_backward body stands for. */
export function decodeForwardBackwardRequest(body: Uint8Array): ForwardBackwardWireRequest {
  const msg = types().request.toObject(types().request.decode(body), {
    longs: Number,
    defaults: true,
    arrays: true,
    objects: true,
  }) as {
    model_id: string;
    seq_id: number;
    loss_fn: string;
    loss_fn_config: Record<string, number>;
    forward_only: boolean;
    data: { model_input: { encoded_text?: { tokens: Uint8Array } }[]; loss_fn_inputs: Record<string, ProtoTensor> }[];
  };
  const data: Datum[] = msg.data.map((d, i) => ({
    model_input: {
      chunks: d.model_input.map((c) => {
        if (!c.encoded_text)
          throw new LearnerError(`data[${i}].model_input: only encoded_text chunks are supported`, { status: 400 });
        return { type: 'encoded_text' as const, tokens: Array.from(view(c.encoded_text.tokens, Int32Array)) };
      }),
    },
    loss_fn_inputs: Object.fromEntries(
      Object.entries(d.loss_fn_inputs).map(([k, t]) => [k, tensorFromProto(t, `data[${i}].loss_fn_inputs.${k}`)]),
    ) as Datum['loss_fn_inputs'],
  }));
  const config = Object.keys(msg.loss_fn_config).length ? { loss_fn_config: msg.loss_fn_config } : {};
  return {
    model_id: msg.model_id,
    seq_id: msg.seq_id || undefined,
    forward_only: msg.forward_only,
    input: { data, loss_fn: msg.loss_fn as ForwardBackwardInput['loss_fn'], ...config },
  };
}

/** One ArrayRecord: each field's per-datum arrays concatenated, with int64 byte offsets. */
export function encodeForwardBackwardOutput(output: ForwardBackwardOutput): Uint8Array {
  const names = [...new Set(output.loss_fn_outputs.flatMap((o) => Object.keys(o)))];
  const fields = Object.fromEntries(
    names.map((name) => {
      const tensors = output.loss_fn_outputs.map((o) => o[name]);
      const int = tensors.some((t) => t?.dtype === 'int64');
      const arrays = tensors.map((t) => (int ? int64Bytes(t?.data ?? []) : bytesOf(Float32Array.from(t?.data ?? []))));
      const offsets: number[] = [0];
      for (const a of arrays) offsets.push(offsets[offsets.length - 1] + a.byteLength);
      const data = new Uint8Array(offsets[offsets.length - 1]);
      arrays.forEach((a, i) => data.set(a, offsets[i]));
      return [
        name,
        { data, offsets: int64Bytes(offsets), dtype: int ? DTYPE.int64 : DTYPE.float32, trailing_shape: [] },
      ];
    }),
  );
  const records = output.loss_fn_outputs.length ? [{ fields, num_datums: output.loss_fn_outputs.length }] : [];
  return types()
    .output.encode({
      loss_fn_output_type: output.loss_fn_output_type,
      loss_fn_outputs: records,
      metrics: output.metrics,
    })
    .finish();
}

export function decodeForwardBackwardOutput(body: Uint8Array): ForwardBackwardOutput {
  const msg = types().output.toObject(types().output.decode(body), {
    longs: Number,
    defaults: true,
    arrays: true,
    objects: true,
  }) as {
    loss_fn_output_type: string;
    metrics: Record<string, number>;
    loss_fn_outputs: { fields: Record<string, ProtoBatched>; num_datums: number }[];
  };
  const outputs: Record<string, TensorData>[] = [];
  for (const record of msg.loss_fn_outputs) {
    const start = outputs.length;
    for (let i = 0; i < record.num_datums; i++) outputs.push({});
    for (const [name, t] of Object.entries(record.fields)) {
      const offsets = int64Values(t.offsets);
      const int = t.dtype === DTYPE.int64 || t.dtype === DTYPE.int32;
      const size = t.dtype === DTYPE.int64 ? 8 : t.dtype === DTYPE.bfloat16 ? 2 : 4;
      const all =
        t.dtype === DTYPE.int64
          ? int64Values(t.data)
          : t.dtype === DTYPE.int32
            ? Array.from(view(t.data, Int32Array))
            : t.dtype === DTYPE.bfloat16
              ? Array.from(view(t.data, Uint16Array), (h) => new Float32Array(new Uint32Array([h << 16]).buffer)[0])
              : Array.from(view(t.data, Float32Array));
      const trailing = t.trailing_shape.map(Number).reduce((a, b) => a * b, 1);
      for (let i = 0; i + 1 < offsets.length; i++) {
        const data = all.slice(offsets[i] / size, offsets[i + 1] / size);
        outputs[start + i][name] = {
          data,
          dtype: int ? 'int64' : 'float32',
          shape: [trailing ? data.length / trailing : 0, ...t.trailing_shape.map(Number)],
        };
      }
    }
  }
  return {
    loss_fn_output_type: msg.loss_fn_output_type.split(':').pop() ?? '',
    loss_fn_outputs: outputs,
    metrics: msg.metrics,
  };
}
