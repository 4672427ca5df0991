// The wire of one RL-sized forward_backward (64 sequences x 4,096 tokens with sampling logprobs and
// advantages, as Tinker's ppo loss takes them; per-token logprobs and losses back): bytes and encode/decode
// time on both sides, JSON against Tinker's protobuf, plain and zstd-compressed (the SDK's
// proto_compress_fwdbwd: the request only), on two batches (bench/learner-wire-batches.ts): uniformly random,
// and shaped like a real GRPO step. The client side runs here (JSON.stringify/parse, src/learner/wire.ts and
// zstd.ts); the server side in the learner's Python (json + wire_types.parse_data, learner/wire.py with its
// zstd decode_body), each timed as the median of a few repetitions, all in one run.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  decodeForwardBackwardOutput,
  encodeForwardBackwardRequest,
  learnerEnv,
  learnerRoot,
  resolveLearnerPython,
  zstdCompress,
} from '../src/learner/index.js';
import { generateGrpoBatch, generateUniformBatch, type WireBatch } from './learner-wire-batches.js';

const run = promisify(execFile);

// The server's side: parse each request into tensors (the path a real request takes: a zstd body is
// decompressed first), then serialise a result of the same size (losses 0 where the weights are), both ways;
// prints the median seconds of each and writes the results.
const SERVER_SIDE = `
import json, sys, time, statistics, torch
from learner import wire
from learner.service import json_default
from learner.wire_types import parse_data
folder, reps = sys.argv[1], int(sys.argv[2])
def median(fn):
    times = []
    for _ in range(reps):
        start = time.perf_counter(); out = fn(); times.append(time.perf_counter() - start)
    return statistics.median(times), out
raw = {name: open(f"{folder}/request.{name}", "rb").read() for name in ["json", "pb", "zst"]}
fb = "forward_backward_input"
proto = lambda body: parse_data(wire.parse_forward_backward(body)[0][fb]["data"], fb)
json_in, data = median(lambda: parse_data(json.loads(raw["json"])[fb]["data"], fb))
pb_in, _ = median(lambda: proto(raw["pb"]))
zst_in, _ = median(lambda: proto(wire.decode_body(raw["zst"], "zstd", 1 << 31)))
g = torch.Generator().manual_seed(0)
def losses(d):
    weights = d.inputs.get("weights")
    loss = torch.rand(len(d.tokens), generator=g)
    return loss if weights is None else loss * weights
output = {"loss_fn_output_type": "ArrayRecord", "metrics": {"loss:sum": 1.0},
          "loss_fn_outputs": [{"logprobs": -torch.rand(len(d.tokens), generator=g), "elementwise_loss": losses(d)} \
for d in data]}
json_out, out_json = median(lambda: json.dumps(output, allow_nan=False, default=json_default).encode())
pb_out, out_pb = median(lambda: wire.forward_backward_output(output))
open(folder + "/output.json", "wb").write(out_json); open(folder + "/output.pb", "wb").write(out_pb)
print(json.dumps({"json": [json_in, json_out], "protobuf": [pb_in, pb_out], "zstd": zst_in}))
`;

async function median<T>(fn: () => T | Promise<T>, reps: number): Promise<[number, T]> {
  const times: number[] = [];
  let out!: T;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    out = await fn();
    times.push((performance.now() - start) / 1000);
  }
  return [times.sort((a, b) => a - b)[Math.floor(reps / 2)], out];
}

export type WireRow = {
  batch: string;
  wire: 'json' | 'protobuf' | 'protobuf+zstd';
  requestBytes: number;
  resultBytes: number;
  seconds: { clientEncode: number; serverDecode: number; serverEncode: number; clientDecode: number; total: number };
};

/** The three wires of one batch: JSON, protobuf, and protobuf with its request zstd-compressed (client encode
 * includes the compression, server decode the decompression; the result travels as plain protobuf). */
async function benchBatch(batch: WireBatch, reps: number): Promise<WireRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'r1ci-bench-wire-'));
  try {
    const { input } = batch;
    const [jsonEncode, jsonBody] = await median(
      () => Buffer.from(JSON.stringify({ model_id: 'm', seq_id: 1, forward_backward_input: input })),
      reps,
    );
    const [pbEncode, pbBody] = await median(
      () => encodeForwardBackwardRequest({ model_id: 'm', seq_id: 1, forward_only: false, input }),
      reps,
    );
    await zstdCompress(pbBody); // instantiates the WebAssembly module outside the timing
    const [compress, zstdBody] = await median(() => zstdCompress(pbBody), reps);
    writeFileSync(join(dir, 'request.json'), jsonBody);
    writeFileSync(join(dir, 'request.pb'), pbBody);
    writeFileSync(join(dir, 'request.zst'), zstdBody);
    const root = learnerRoot();
    const { stdout } = await run(resolveLearnerPython(), ['-c', SERVER_SIDE, dir, String(reps)], {
      cwd: root,
      env: { ...learnerEnv(process.env), PYTHONPATH: root },
      maxBuffer: 1 << 20,
    });
    const server = JSON.parse(stdout) as { json: [number, number]; protobuf: [number, number]; zstd: number };
    const outJson = readFileSync(join(dir, 'output.json'));
    const outPb = readFileSync(join(dir, 'output.pb'));
    const [jsonDecode] = await median(() => JSON.parse(outJson.toString('utf8')) as unknown, reps);
    const [pbDecode] = await median(() => decodeForwardBackwardOutput(outPb), reps);
    const row = (
      wire: WireRow['wire'],
      [requestBytes, resultBytes]: [number, number],
      [clientEncode, serverDecode, serverEncode, clientDecode]: [number, number, number, number],
    ): WireRow => ({
      batch: batch.name,
      wire,
      requestBytes,
      resultBytes,
      seconds: {
        clientEncode,
        serverDecode,
        serverEncode,
        clientDecode,
        total: clientEncode + serverDecode + serverEncode + clientDecode,
      },
    });
    return [
      row('json', [jsonBody.byteLength, outJson.byteLength], [jsonEncode, ...server.json, jsonDecode]),
      row('protobuf', [pbBody.byteLength, outPb.byteLength], [pbEncode, ...server.protobuf, pbDecode]),
      row(
        'protobuf+zstd',
        [zstdBody.byteLength, outPb.byteLength],
        [pbEncode + compress, server.zstd, server.protobuf[1], pbDecode],
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both batches, each at `sequences` x `tokens` (the GRPO-shaped one as 8 sequences a prompt, a quarter of
 * each sequence its prompt). */
export async function benchWire(options: { sequences: number; tokens: number; reps: number }): Promise<WireRow[]> {
  const group = 8;
  const batches = [
    generateUniformBatch(options),
    generateGrpoBatch({
      prompts: Math.max(1, Math.round(options.sequences / group)),
      group,
      promptTokens: Math.floor(options.tokens / 4),
      tokens: options.tokens,
    }),
  ];
  const rows: WireRow[] = [];
  for (const batch of batches) rows.push(...(await benchBatch(batch, options.reps)));
  return rows;
}

export function printWire(rows: readonly WireRow[]): void {
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  const s = (x: number) => `${(x * 1000).toFixed(0)} ms`;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('\nforward_backward wire (one request and its result)');
  out('batch        wire           request    result     client enc  server dec  server enc  client dec  total');
  for (const r of rows) {
    out(
      `${r.batch.padEnd(12)} ${r.wire.padEnd(14)} ${mb(r.requestBytes).padEnd(10)} ${mb(r.resultBytes).padEnd(10)} ` +
        `${s(r.seconds.clientEncode).padEnd(11)} ${s(r.seconds.serverDecode).padEnd(11)} ` +
        `${s(r.seconds.serverEncode).padEnd(11)} ${s(r.seconds.clientDecode).padEnd(11)} ${s(r.seconds.total)}`,
    );
  }
  for (const batch of new Set(rows.map((r) => r.batch))) {
    const json = rows.find((r) => r.batch === batch && r.wire === 'json')!;
    for (const r of rows.filter((r) => r.batch === batch && r.wire !== 'json')) {
      const bytes = (json.requestBytes + json.resultBytes) / (r.requestBytes + r.resultBytes);
      const request = json.requestBytes / r.requestBytes;
      const time = json.seconds.total / r.seconds.total;
      out(
        `${batch}, ${r.wire} against JSON: ${bytes.toFixed(1)}x fewer bytes (request ${request.toFixed(1)}x), ` +
          `${time.toFixed(1)}x less encode/decode time`,
      );
    }
  }
}
