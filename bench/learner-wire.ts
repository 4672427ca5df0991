// The wire of one RL-sized forward_backward (64 sequences x 4,096 tokens with sampling logprobs and
// advantages, as Tinker's ppo loss takes them; per-token logprobs and losses back): bytes and encode/decode
// time on both sides, JSON against Tinker's protobuf. The client side runs here (JSON.stringify/parse
// against src/learner/wire.ts); the server side in the learner's Python (json + wire_types.parse_data
// against learner/wire.py), each timed as the median of a few repetitions, all in one run.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRng } from '../src/core/index.js';
import {
  decodeForwardBackwardOutput,
  encodeForwardBackwardRequest,
  learnerEnv,
  learnerRoot,
  makeDatum,
  resolveLearnerPython,
  type ForwardBackwardInput,
} from '../src/learner/index.js';

const run = promisify(execFile);

// The server's side: parse the request into tensors (the path a real request takes), then serialise a
// result of the same size, both ways; prints the median seconds of each and writes the results.
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
raw_json, raw_pb = open(folder + "/request.json", "rb").read(), open(folder + "/request.pb", "rb").read()
json_in, data = median(lambda: parse_data(json.loads(raw_json)["forward_backward_input"]["data"], \
"forward_backward_input"))
pb_in, _ = median(lambda: parse_data(wire.parse_forward_backward(raw_pb)[0]["forward_backward_input"]["data"], \
"forward_backward_input"))
g = torch.Generator().manual_seed(0)
output = {"loss_fn_output_type": "ArrayRecord", "metrics": {"loss:sum": 1.0},
          "loss_fn_outputs": [{"logprobs": -torch.rand(len(d.tokens), generator=g), "elementwise_loss": \
torch.rand(len(d.tokens), generator=g)} for d in data]}
json_out, out_json = median(lambda: json.dumps(output, allow_nan=False, default=json_default).encode())
pb_out, out_pb = median(lambda: wire.forward_backward_output(output))
open(folder + "/output.json", "wb").write(out_json); open(folder + "/output.pb", "wb").write(out_pb)
print(json.dumps({"json": [json_in, json_out], "protobuf": [pb_in, pb_out]}))
`;

function median(fn: () => unknown, reps: number): [number, unknown] {
  const times: number[] = [];
  let out: unknown;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    out = fn();
    times.push((performance.now() - start) / 1000);
  }
  return [times.sort((a, b) => a - b)[Math.floor(reps / 2)], out];
}

export type WireRow = {
  wire: string;
  requestBytes: number;
  resultBytes: number;
  seconds: { clientEncode: number; serverDecode: number; serverEncode: number; clientDecode: number; total: number };
};

export async function benchWire(options: { sequences: number; tokens: number; reps: number }): Promise<WireRow[]> {
  const rng = createRng('bench-wire');
  const n = options.tokens - 1;
  const input: ForwardBackwardInput = {
    loss_fn: 'ppo',
    loss_fn_config: { clip_low_threshold: 0.8, clip_high_threshold: 1.2 },
    data: Array.from({ length: options.sequences }, () =>
      makeDatum(
        Array.from({ length: options.tokens }, () => Math.floor(rng.next() * 151_000)),
        {
          logprobs: Array.from({ length: n }, () => -rng.next() * 5),
          advantages: Array.from({ length: n }, () => rng.next() * 2 - 1),
        },
      ),
    ),
  };
  const dir = mkdtempSync(join(tmpdir(), 'r1ci-bench-wire-'));
  try {
    const [jsonEncode, jsonBody] = median(
      () => Buffer.from(JSON.stringify({ model_id: 'm', seq_id: 1, forward_backward_input: input })),
      options.reps,
    );
    const [pbEncode, pbBody] = median(
      () => encodeForwardBackwardRequest({ model_id: 'm', seq_id: 1, forward_only: false, input }),
      options.reps,
    );
    writeFileSync(join(dir, 'request.json'), jsonBody as Buffer);
    writeFileSync(join(dir, 'request.pb'), pbBody as Uint8Array);
    const root = learnerRoot();
    const { stdout } = await run(resolveLearnerPython(), ['-c', SERVER_SIDE, dir, String(options.reps)], {
      cwd: root,
      env: { ...learnerEnv(process.env), PYTHONPATH: root },
      maxBuffer: 1 << 20,
    });
    const server = JSON.parse(stdout) as { json: [number, number]; protobuf: [number, number] };
    const outJson = readFileSync(join(dir, 'output.json'));
    const outPb = readFileSync(join(dir, 'output.pb'));
    const [jsonDecode] = median(() => JSON.parse(outJson.toString('utf8')), options.reps);
    const [pbDecode] = median(() => decodeForwardBackwardOutput(outPb), options.reps);
    const row = (
      wire: string,
      requestBytes: number,
      resultBytes: number,
      clientEncode: number,
      [serverDecode, serverEncode]: [number, number],
      clientDecode: number,
    ): WireRow => ({
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
      row('json', (jsonBody as Buffer).byteLength, outJson.byteLength, jsonEncode, server.json, jsonDecode),
      row('protobuf', (pbBody as Uint8Array).byteLength, outPb.byteLength, pbEncode, server.protobuf, pbDecode),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printWire(rows: readonly WireRow[]): void {
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  const s = (x: number) => `${(x * 1000).toFixed(0)} ms`;
  process.stdout.write('\nforward_backward wire (one request and its result)\n');
  process.stdout.write('wire      request    result     client enc  server dec  server enc  client dec  total\n');
  for (const r of rows) {
    process.stdout.write(
      `${r.wire.padEnd(9)} ${mb(r.requestBytes).padEnd(10)} ${mb(r.resultBytes).padEnd(10)} ` +
        `${s(r.seconds.clientEncode).padEnd(11)} ${s(r.seconds.serverDecode).padEnd(11)} ` +
        `${s(r.seconds.serverEncode).padEnd(11)} ${s(r.seconds.clientDecode).padEnd(11)} ${s(r.seconds.total)}\n`,
    );
  }
  const [json, pb] = rows;
  const bytes = (json.requestBytes + json.resultBytes) / (pb.requestBytes + pb.resultBytes);
  process.stdout.write(
    `protobuf: ${bytes.toFixed(1)}x fewer bytes, ${(json.seconds.total / pb.seconds.total).toFixed(1)}x less ` +
      `encode/decode time\n`,
  );
}
