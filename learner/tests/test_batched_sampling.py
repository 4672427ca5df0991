"""Requests batched together: a left-padded row computes what it would alone, and the worker only
merges read-only jobs of the same weights, never across a job that writes."""
import math
import threading
import time
import unittest
from unittest import mock

import torch
import torch.nn.functional as F

from learner import sampling
from learner.futures import Futures
from learner.model import KVCache
from learner.tests.helpers import small_model

TABLE = [bytes([i]) for i in range(256)] + [b"<|endoftext|>", b"<|im_start|>", b"<|im_end|>"]
PROMPTS = [[5, 9, 200, 31, 7, 7, 64], [100, 3], [42, 43, 44, 45]]


def plain_sdpa(q, k, v, attn_mask=None, is_causal=False):
    """torch 2's scaled_dot_product_attention, written out (float masks add to the scores)."""
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if is_causal:
        scores = scores.masked_fill(torch.ones(scores.shape[-2:], dtype=torch.bool).triu(1), float("-inf"))
    if attn_mask is not None:
        scores = scores + attn_mask
    return torch.softmax(scores, dim=-1) @ v


class PaddedForward(unittest.TestCase):
    def test_left_padded_rows_give_the_logits_of_each_row_alone(self):
        self.check_padded_rows()

    def test_the_fused_attention_path_masks_padding_too(self):
        # On torch 1.13 this runs the torch >= 2 branch through a written-out stand-in.
        fused = getattr(F, "scaled_dot_product_attention", plain_sdpa)
        with mock.patch.object(F, "scaled_dot_product_attention", fused, create=True):
            self.check_padded_rows()

    def check_padded_rows(self):
        for arch in ("qwen2", "qwen3", "llama"):
            model = small_model(arch).eval()
            p = max(len(x) for x in PROMPTS)
            pad = torch.tensor([p - len(x) for x in PROMPTS])
            tokens = torch.tensor([[0] * (p - len(x)) + x for x in PROMPTS])
            mask = torch.arange(p)[None, :] >= pad[:, None]
            with torch.no_grad():
                batched = model(tokens, None, pad, mask)
                for row, prompt in enumerate(PROMPTS):
                    alone = model(torch.tensor([prompt]))[0]
                    diff = (batched[row, p - len(prompt) :] - alone).abs().max()
                    self.assertLess(float(diff), 1e-4, f"{arch} row {row}")
                    self.assertFalse(torch.isnan(batched[row]).any())

    def test_cache_rows_can_be_dropped_mid_decode(self):
        model = small_model().eval()
        cache = KVCache(model.config, 3, 8, "cpu", torch.float32)
        with torch.no_grad():
            model(torch.tensor([[1, 2], [3, 4], [5, 6]]), cache)
            cache.keep(torch.tensor([0, 2]))
            kept = model(torch.tensor([[7], [8]]), cache)[:, -1]
            alone = model(torch.tensor([[5, 6, 8]]))[0, -1]
        self.assertLess(float((kept[1] - alone).abs().max()), 1e-4)


class SampleMany(unittest.TestCase):
    def setUp(self):
        self.model = small_model().eval()

    def test_greedy_requests_batched_equal_each_alone(self):
        requests = [
            sampling.Request(p, 1, sampling.SamplingParams(max_tokens=6 + 3 * i, temperature=0))
            for i, p in enumerate(PROMPTS)
        ]
        batched = sampling.sample_many(self.model, requests, TABLE, "cpu")
        for request, seqs in zip(requests, batched):
            alone = sampling.sample(self.model, request.prompt, 1, request.params, TABLE, "cpu")[0]
            self.assertEqual(seqs[0].tokens, alone.tokens)
            self.assertEqual(len(seqs[0].tokens), request.params.max_tokens)
            self.assertLess(max(abs(a - b) for a, b in zip(seqs[0].logprobs, alone.logprobs)), 1e-4)

    def test_each_request_keeps_its_own_count_stops_and_seed(self):
        greedy = sampling.sample(
            self.model, PROMPTS[1], 1, sampling.SamplingParams(max_tokens=10, temperature=0), TABLE, "cpu"
        )[0]
        stop_tok = greedy.tokens[2]
        requests = [
            sampling.Request(PROMPTS[0], 3, sampling.SamplingParams(max_tokens=5, temperature=1.0, seed=7)),
            sampling.Request(
                PROMPTS[1], 1, sampling.SamplingParams(max_tokens=10, temperature=0, stop_token_ids=[stop_tok])
            ),
        ]
        first = sampling.sample_many(self.model, requests, TABLE, "cpu")
        again = sampling.sample_many(self.model, requests, TABLE, "cpu", max_batch=2)  # split across micro-batches
        self.assertEqual([len(x) for x in first], [3, 1])
        self.assertEqual([s.tokens for s in first[0]], [s.tokens for s in again[0]])
        self.assertEqual(first[1][0].tokens, greedy.tokens[: greedy.tokens.index(stop_tok) + 1])
        self.assertEqual(first[1][0].stop_reason, "stop")
        self.assertTrue(all(len(s.tokens) == 5 and s.stop_reason == "length" for s in first[0]))

    def test_a_bad_request_is_named(self):
        with self.assertRaisesRegex(ValueError, "out of range"):
            sampling.sample_many(self.model, [sampling.Request([1, 99999], 1, sampling.SamplingParams())], TABLE, "cpu")


class WorkerBatching(unittest.TestCase):
    def test_same_key_jobs_merge_but_never_across_a_writing_job(self):
        futures = Futures()
        gate, seen = threading.Event(), []
        futures.submit(lambda: gate.wait(5) and {"type": "blocker"})  # holds the worker while the queue fills

        def run_many(payloads):
            seen.append(list(payloads))
            return [{"type": "sample", "payload": p} for p in payloads]

        ids = [
            futures.submit_batchable("a", 1, run_many),
            futures.submit_batchable("b", 2, run_many),
            futures.submit_batchable("a", 3, run_many),
            futures.submit(lambda: seen.append("write") or {"type": "write"}),
            futures.submit_batchable("a", 4, run_many),
        ]
        gate.set()
        results = [futures.retrieve(i["request_id"], 5) for i in ids]
        self.assertEqual(seen, [[1, 3], [2], "write", [4]])
        self.assertEqual([r.get("payload") for r in results], [1, 2, 3, None, 4])

    def test_a_batch_gathers_requests_that_arrive_while_it_forms(self):
        futures, seen = Futures(gather_s=0.2), []

        def run_many(payloads):
            seen.append(list(payloads))
            return [{"type": "sample", "payload": p} for p in payloads]

        first = futures.submit_batchable("a", 1, run_many)  # the worker is idle: it takes this at once
        time.sleep(0.01)
        rest = [futures.submit_batchable("a", p, run_many) for p in (2, 3)]
        self.assertEqual([futures.retrieve(i["request_id"], 5)["payload"] for i in [first] + rest], [1, 2, 3])
        self.assertEqual(seen, [[1, 2, 3]])

    def test_batch_of_one_serves_each_request_alone(self):
        futures = Futures(max_batch=1)  # the server's --no-batch-requests
        gate, seen = threading.Event(), []
        futures.submit(lambda: gate.wait(5) and {"type": "blocker"})

        def run_many(payloads):
            seen.append(list(payloads))
            return [{"type": "sample", "payload": p} for p in payloads]

        ids = [futures.submit_batchable("a", p, run_many) for p in (1, 2, 3)]
        gate.set()
        self.assertEqual([futures.retrieve(i["request_id"], 5)["payload"] for i in ids], [1, 2, 3])
        self.assertEqual(seen, [[1], [2], [3]])

    def test_one_failure_in_a_batch_reaches_only_its_request(self):
        futures = Futures()
        gate = threading.Event()
        futures.submit(lambda: gate.wait(5) and {"type": "blocker"})

        def run_many(payloads):
            return [
                {"type": "request_failed", "error": "bad", "category": "user"}
                if p < 0
                else {"type": "sample", "payload": p}
                for p in payloads
            ]

        ids = [futures.submit_batchable("a", p, run_many) for p in (1, -1, 2)]
        gate.set()
        results = [futures.retrieve(i["request_id"], 5) for i in ids]
        self.assertEqual([r["type"] for r in results], ["sample", "request_failed", "sample"])


if __name__ == "__main__":
    unittest.main()
