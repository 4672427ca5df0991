"""The Tinker SDK's flow (0.25: client config, session, protobuf forward_backward with forward_only, CSR
tensors, protobuf results, save-and-sample sessions, tinker:// paths, prompt_logprobs) against the server.
Protobuf bodies are written and read with a raw wire codec here, from the SDK's field numbers
(tinker_public.proto at thinking-machines-lab/tinker d595dc2), not with learner/wire.py: a wrong field
number or type in our schema fails these tests. JSON answers are checked for the fields the SDK's result
types require."""
import json
import math
import struct
import unittest
import urllib.error
import urllib.request

import numpy as np
import torch

from learner import wire
from learner.tests.helpers import ServedLearner
from learner.tiny import IM_END, encode

PROTO = "application/x-protobuf"


def varint(n: int) -> bytes:
    n &= (1 << 64) - 1
    out = b""
    while True:
        byte, n = n & 0x7F, n >> 7
        out += bytes([byte | (0x80 if n else 0)])
        if not n:
            return out


def field(number: int, value) -> bytes:
    """One field: ints as varints, floats as doubles (fixed64), bytes/str length-delimited."""
    if isinstance(value, bool) or isinstance(value, int):
        return varint(number << 3) + varint(int(value))
    if isinstance(value, float):
        return varint(number << 3 | 1) + struct.pack("<d", value)
    data = value.encode() if isinstance(value, str) else value
    return varint(number << 3 | 2) + varint(len(data)) + data


def parse(buf: bytes) -> list:
    """[(field number, value)]: varints as int, fixed64 as raw 8 bytes, length-delimited as bytes."""
    out, i = [], 0
    while i < len(buf):
        key, i = read_varint(buf, i)
        number, kind = key >> 3, key & 7
        if kind == 0:
            value, i = read_varint(buf, i)
        elif kind == 1:
            value, i = buf[i : i + 8], i + 8
        elif kind == 2:
            length, i = read_varint(buf, i)
            value, i = buf[i : i + length], i + length
        else:
            raise AssertionError(f"unexpected wire type {kind}")
        out.append((number, value))
    return out


def read_varint(buf: bytes, i: int):
    shift = result = 0
    while True:
        byte = buf[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def dense(values, dtype) -> bytes:  # Tensor: dense=1, dtype=3 (FLOAT32=1, INT64=2), shape=4 (packed)
    array = np.asarray(values, dtype=dtype)
    shape = b"".join(varint(s) for s in array.shape)
    return field(1, array.tobytes()) + field(3, 1 if dtype == np.float32 else 2) + field(4, shape)


def csr(
    matrix: torch.Tensor,
) -> bytes:  # Tensor: sparse_csr=2 {values=1, crow_indices=2, col_indices=3} as the SDK writes it
    sparse = matrix.to_sparse_csr()
    body = (
        field(1, sparse.values().numpy().astype(np.float32).tobytes())
        + field(2, sparse.crow_indices().numpy().astype(np.int64).tobytes())
        + field(3, sparse.col_indices().numpy().astype(np.int64).tobytes())
    )
    return field(2, body) + field(3, 1) + field(4, b"".join(varint(s) for s in matrix.shape))


def fwdbwd(model_id: str, seq_id: int, tokens, inputs: dict, loss_fn: str, forward_only: bool, config=None) -> bytes:
    chunk = field(1, field(1, np.asarray(tokens, dtype=np.int32).tobytes()))  # Chunk.encoded_text.tokens
    datum = field(1, chunk) + b"".join(field(2, field(1, k) + field(2, v)) for k, v in inputs.items())
    body = field(1, model_id) + field(2, seq_id) + field(3, datum) + field(4, loss_fn)
    body += b"".join(field(5, field(1, k) + field(2, float(v))) for k, v in (config or {}).items())
    return body + field(6, forward_only)


def read_output(buf: bytes) -> dict:
    """ForwardBackwardOutput as the SDK's response_conv reads it: per field, per datum float32 arrays."""
    out = {"loss_fn_output_type": "", "metrics": {}, "outputs": []}
    for number, value in parse(buf):
        if number == 1:
            out["loss_fn_output_type"] = value.decode()
        elif number == 3:
            entry = dict(parse(value))
            out["metrics"][entry[1].decode()] = struct.unpack("<d", entry[2])[0]
        elif number == 2:
            record = parse(value)
            count = next(v for n, v in record if n == 3)
            datums = [{} for _ in range(count)]
            for n, entry in record:
                if n != 2:
                    continue
                entry = dict(parse(entry))
                tensor = dict(parse(entry[2]))
                assert tensor.get(3) == 1, "float32 results"
                data, offsets = np.frombuffer(tensor[1], np.float32), np.frombuffer(tensor[2], np.int64) // 4
                for d in range(count):
                    datums[d][entry[1].decode()] = data[offsets[d] : offsets[d + 1]]
            out["outputs"].extend(datums)
    return out


class SdkFlow(ServedLearner):
    max_body = 1 << 22

    def call(self, verb, body=None, raw=None, accept="application/json"):
        data = raw if raw is not None else json.dumps(body if body is not None else {}).encode()
        headers = {
            "X-API-Key": "secret",
            "Content-Type": PROTO if raw is not None else "application/json",
            "Accept": accept,
        }
        request = urllib.request.Request(self.url + verb, data=data, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                payload = response.read()
                return response.status, payload if response.headers["Content-Type"] == PROTO else json.loads(payload)
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def result(self, verb, body=None, raw=None, accept="application/json"):
        status, future = self.call(verb, body, raw)
        self.assertEqual(status, 200, future)
        while True:
            status, out = self.call("retrieve_future", {"request_id": future["request_id"]}, accept=accept)
            self.assertEqual(status, 200, out)
            if isinstance(out, bytes) or out.get("type") != "try_again":
                return out

    def test_the_sdk_flow(self):
        status, config = self.call("client/config", {"sdk_version": "0.25.0"})
        self.assertEqual((status, config["pjwt_auth_enabled"]), (200, False))
        # zstd bodies when this Python has zstandard (test_zstd_bodies.py).
        self.assertIs(config["proto_compress_fwdbwd"], wire.zstd_available())
        # httpx's own transport: the SDK's default (pyqwest) is a native wheel that pip may not have
        # (checked with SDK 0.25).
        self.assertIs(config["use_pyqwest_transport"], False)
        session = self.call(
            "create_session", {"tags": [], "user_metadata": None, "sdk_version": "0.25.0", "type": "create_session"}
        )[1]["session_id"]
        model_id = self.result(
            "create_model",
            {
                "session_id": session,
                "model_seq_id": 0,
                "base_model": "tiny",
                "type": "create_model",
                "lora_config": {"rank": 4, "seed": None, "train_attn": True, "train_mlp": True, "train_unembed": False},
            },
        )["model_id"]
        ids = encode("hi there, sdk") + [IM_END]
        n = len(ids) - 1
        target = dense(ids[1:], np.int64)
        forward = read_output(
            self.result(
                "forward_backward",
                raw=fwdbwd(model_id, 1, ids[:-1], {"target_tokens": target}, "cross_entropy", True),
                accept=PROTO,
            )
        )
        json_forward = self.result(
            "forward",
            {
                "model_id": model_id,
                "forward_input": {
                    "data": [
                        {
                            "model_input": {"chunks": [{"type": "encoded_text", "tokens": ids[:-1]}]},
                            "loss_fn_inputs": {"target_tokens": {"data": ids[1:], "dtype": "int64"}},
                        }
                    ],
                    "loss_fn": "cross_entropy",
                },
            },
        )
        np.testing.assert_allclose(
            forward["outputs"][0]["logprobs"], json_forward["loss_fn_outputs"][0]["logprobs"]["data"], atol=1e-6
        )
        self.assertEqual(self.service.models[model_id].steps, 0)

        # The same weights as a dense list (JSON) and as a [1, n] CSR matrix (protobuf) give the same loss.
        mask = torch.zeros(1, n)
        mask[0, -3:] = 1.0
        sparse = read_output(
            self.result(
                "forward_backward",
                raw=fwdbwd(
                    model_id, 2, ids[:-1], {"target_tokens": target, "weights": csr(mask)}, "cross_entropy", False
                ),
                accept=PROTO,
            )
        )
        self.assertIn("loss:sum", sparse["metrics"])
        # The SDK reduces the metrics of chunked requests by the suffix of every key; a key without one crashes it.
        for key in [*forward["metrics"], *sparse["metrics"]]:
            self.assertRegex(key, r"^\w+:(mean|sum|min|max|slack|hash_unordered|unique)$")
        expected = -float(np.sum(forward["outputs"][0]["logprobs"][-3:]))
        self.assertAlmostEqual(sparse["metrics"]["loss:sum"], expected, places=4)
        self.assertIn(
            "optim_step",
            json.dumps(
                self.result("optim_step", {"model_id": model_id, "seq_id": 3, "adam_params": {"learning_rate": 1e-3}})
            ),
        )

        # save_weights_for_sampler without a name answers a sampling session; its samples come back as protobuf.
        saved = self.result(
            "save_weights_for_sampler", {"model_id": model_id, "seq_id": 4, "sampling_session_seq_id": 0}
        )
        self.assertIsNone(saved["path"])
        sample = parse(
            self.result(
                "asample",
                {
                    "sampling_session_id": saved["sampling_session_id"],
                    "seq_id": 0,
                    "num_samples": 2,
                    "prompt_logprobs": True,
                    "prompt": {"chunks": [{"type": "encoded_text", "tokens": ids[:4]}]},
                    "sampling_params": {
                        "max_tokens": 3,
                        "seed": 5,
                        "stop": None,
                        "temperature": 1.0,
                        "top_k": -1,
                        "top_p": 1.0,
                    },
                },
                accept=PROTO,
            )
        )
        sequences = [dict(parse(v)) for k, v in sample if k == 1]
        self.assertEqual([len(np.frombuffer(s[2], np.int32)) for s in sequences], [3, 3])
        self.assertEqual([len(np.frombuffer(s[3], np.float32)) for s in sequences], [3, 3])
        prompt = np.frombuffer(dict(sample)[2], np.float32)
        self.assertTrue(math.isnan(prompt[0]))
        np.testing.assert_array_less(prompt[1:], 0.0)

        # Named checkpoints are tinker:// paths that load, and sample through a sampling session made for them.
        named = self.result("save_weights_for_sampler", {"model_id": model_id, "seq_id": 5, "path": "named"})["path"]
        self.assertEqual(named, f"tinker://{model_id}/sampler_weights/named")
        sampler = self.call(
            "create_sampling_session",
            {"session_id": session, "sampling_session_seq_id": 1, "model_path": named, "base_model": None},
        )[1]
        out = self.result(
            "asample",
            {
                "sampling_session_id": sampler["sampling_session_id"],
                "seq_id": 0,
                "prompt": {"chunks": [{"tokens": ids[:4]}]},
                "sampling_params": {"max_tokens": 2, "seed": 1},
            },
        )
        self.assertEqual((len(out["sequences"]), out["sequences"][0]["stop_reason"]), (1, "length"))
        checkpoint = self.result("save_weights", {"model_id": model_id, "path": "ckpt"})["path"]
        self.assertEqual(checkpoint, f"tinker://{model_id}/weights/ckpt")
        self.assertEqual(
            self.result("load_weights", {"model_id": model_id, "path": checkpoint, "optimizer": True})["type"],
            "load_weights",
        )

    def test_a_malformed_protobuf_body_is_a_400_with_a_message(self):
        status, body = self.call("forward_backward", raw=b"\x0a\xff\xff\xff")
        self.assertEqual(status, 400)
        self.assertIn("protobuf", body["error"])
        status, body = self.call("asample", raw=b"\x08\x01")
        self.assertEqual(status, 400)
        self.assertIn("takes JSON", body["error"])
        self.assertEqual(self.call("get_server_capabilities")[0], 200)

    def test_our_schema_has_the_sdk_field_numbers(self):
        m = wire.messages()
        numbers = lambda name: {f.name: f.number for f in m[name].DESCRIPTOR.fields}
        self.assertEqual(
            numbers("ForwardBackwardRequest"),
            {"model_id": 1, "seq_id": 2, "data": 3, "loss_fn": 4, "loss_fn_config": 5, "forward_only": 6},
        )
        self.assertEqual(numbers("Tensor"), {"dense": 1, "sparse_csr": 2, "dtype": 3, "shape": 4})
        self.assertEqual(numbers("BatchedTensor"), {"data": 1, "offsets": 2, "dtype": 3, "trailing_shape": 4})
        self.assertEqual(
            numbers("SampleResponse"),
            {"sequences": 1, "prompt_logprobs": 2, "topk_prompt_logprobs": 3, "prompt_cache_hit_tokens": 4},
        )


if __name__ == "__main__":
    unittest.main()
