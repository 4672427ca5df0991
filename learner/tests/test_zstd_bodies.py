"""zstd request bodies (Content-Encoding: zstd), as the Tinker SDK sends its protobuf forward_backward when
client/config answers proto_compress_fwdbwd true (tinker resources/training.py at d595dc2): a compressed body
runs exactly as the plain one, a corrupt one is a 400 with a message, and a learner whose Python lacks
zstandard says so in client/config and answers a zstd body with a 415."""
import json
import sys
import unittest
import urllib.error
import urllib.request
from unittest import mock

import numpy as np

from learner import wire
from learner.tests.helpers import ServedLearner
from learner.tests.test_sdk_wire import PROTO, dense, fwdbwd, read_output
from learner.tiny import IM_END, encode

try:
    import zstandard
except ImportError:
    zstandard = None


class ZstdBodies(ServedLearner):
    max_body = 1 << 20

    def call(self, verb, body: bytes, content_type="application/json", encoding=None, accept="application/json"):
        headers = {"X-API-Key": "secret", "Content-Type": content_type, "Accept": accept}
        if encoding:
            headers["Content-Encoding"] = encoding
        request = urllib.request.Request(self.url + verb, data=body, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                payload = response.read()
                return response.status, payload if response.headers["Content-Type"] == PROTO else json.loads(payload)
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def result(self, verb, body: bytes, **headers):
        status, future = self.call(verb, body, **headers)
        self.assertEqual(status, 200, future)
        while True:
            status, out = self.call(
                "retrieve_future", json.dumps({"request_id": future["request_id"]}).encode(), accept=PROTO
            )
            self.assertEqual(status, 200, out)
            if isinstance(out, bytes) or out.get("type") != "try_again":
                return out

    def model(self) -> str:
        create = {"base_model": "tiny", "lora_config": {"rank": 4}}
        return self.result("create_model", json.dumps(create).encode())["model_id"]

    def ppo_request(self, model_id: str, seq_id: int, forward_only: bool) -> bytes:
        ids = encode("a group of samples shares its prompt") + [IM_END]
        n = len(ids) - 1
        inputs = {
            "target_tokens": dense(ids[1:], np.int64),
            "logprobs": dense(-np.linspace(0.1, 3.0, n), np.float32),
            "advantages": dense(np.where(np.arange(n) < 8, 0.0, 0.75), np.float32),
        }
        config = {"clip_low_threshold": 0.8, "clip_high_threshold": 1.2}
        return fwdbwd(model_id, seq_id, ids[:-1], inputs, "ppo", forward_only, config)

    @unittest.skipIf(zstandard is None, "this Python lacks zstandard")
    def test_a_zstd_body_is_parsed_and_run_as_the_plain_one(self):
        config = self.call("client/config", json.dumps({"sdk_version": "0.25.0"}).encode())[1]
        self.assertIs(config["proto_compress_fwdbwd"], True)
        plain = self.ppo_request("m", 1, False)
        compressed = zstandard.ZstdCompressor().compress(plain)  # the SDK's call, default level 3
        self.assertLess(len(compressed), len(plain))
        # Field by field, tensors with their dtypes (map order is the protobuf runtime's, so keys are sorted).
        canonical = lambda parsed: json.dumps(parsed, sort_keys=True, default=lambda t: [str(t.dtype), t.tolist()])
        self.assertEqual(
            canonical(wire.parse_forward_backward(plain)),
            canonical(wire.parse_forward_backward(wire.decode_body(compressed, "zstd", self.max_body))),
        )

        # Through the server: forward passes (the weights stay put) of the plain and the zstd body agree exactly.
        model_id = self.model()
        outputs = [
            read_output(
                self.result(
                    "forward_backward",
                    body if encoding is None else zstandard.ZstdCompressor().compress(body),
                    content_type=PROTO,
                    encoding=encoding,
                    accept=PROTO,
                )
            )
            for encoding, body in [
                (None, self.ppo_request(model_id, 1, True)),
                ("zstd", self.ppo_request(model_id, 2, True)),
            ]
        ]
        self.assertEqual(outputs[0]["metrics"], outputs[1]["metrics"])
        np.testing.assert_array_equal(outputs[0]["outputs"][0]["logprobs"], outputs[1]["outputs"][0]["logprobs"])
        self.assertEqual(self.service.models[model_id].steps, 0)

    @unittest.skipIf(zstandard is None, "this Python lacks zstandard")
    def test_a_corrupt_or_oversized_zstd_body_is_refused_with_a_message(self):
        frame = zstandard.ZstdCompressor().compress(self.ppo_request("m", 1, False))
        for body in [frame[: len(frame) // 2], b"not a zstd frame"]:
            status, answer = self.call("forward_backward", body, content_type=PROTO, encoding="zstd")
            self.assertEqual((status, answer["category"]), (400, "user"))
            self.assertRegex(answer["error"], r"^malformed zstd body")
        bomb = zstandard.ZstdCompressor().compress(bytes(self.max_body + 1))  # states its size in the header
        status, answer = self.call("forward_backward", bomb, content_type=PROTO, encoding="zstd")
        self.assertEqual(status, 413, answer)
        status, answer = self.call("forward_backward", frame, content_type=PROTO, encoding="br")
        self.assertEqual(
            (status, answer["error"]), (415, "Content-Encoding br is not supported: send zstd or an uncompressed body")
        )
        self.assertEqual(self.call("get_info", b'{"model_id": "none"}')[0], 404)  # still serving

    def test_without_zstandard_config_says_false_and_a_zstd_body_is_a_415(self):
        with mock.patch.dict(sys.modules, {"zstandard": None}):  # `import zstandard` raises ImportError
            config = self.call("client/config", json.dumps({"sdk_version": "0.25.0"}).encode())[1]
            status, answer = self.call("forward_backward", b"\x28\xb5\x2f\xfd", content_type=PROTO, encoding="zstd")
        self.assertIs(config["proto_compress_fwdbwd"], False)
        self.assertEqual(status, 415)
        self.assertNotIn("\n", answer["error"])
        self.assertRegex(answer["error"], r"^this learner's Python lacks zstandard .*proto_compress_fwdbwd false")


if __name__ == "__main__":
    unittest.main()
