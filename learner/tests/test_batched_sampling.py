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

    def test_rows_with_one_prompt_share_its_prefill_and_sample_as_if_prefilled_alone(self):
        params = sampling.SamplingParams(max_tokens=8, temperature=1.0, seed=11)
        requests = [
            sampling.Request(PROMPTS[0], 3, params),
            sampling.Request(PROMPTS[1], 2, params),
            sampling.Request(list(PROMPTS[0]), 1, sampling.SamplingParams(max_tokens=8, temperature=0)),
        ]
        prefills = []
        forward = self.model.forward

        def spy(tokens, *args, **kwargs):
            if tokens.shape[1] > 1:
                prefills.append(tuple(tokens.shape))
            return forward(tokens, *args, **kwargs)

        with mock.patch.object(self.model, "forward", spy):
            shared = sampling.sample_many(self.model, requests, TABLE, "cpu")
            self.assertEqual(prefills, [(2, len(PROMPTS[0]))])  # 6 rows, 2 distinct prompts, one prefill
            alone = sampling.sample_many(self.model, requests, TABLE, "cpu", max_batch=1)  # a prefill per row
        self.assertEqual(len(prefills), 1 + 6)
        for got, want in zip(shared, alone):
            self.assertEqual([s.tokens for s in got], [s.tokens for s in want])
            for a, b in zip(got, want):
                self.assertLess(max(abs(x - y) for x, y in zip(a.logprobs, b.logprobs)), 1e-4)
        self.assertEqual(len({tuple(s.tokens) for s in shared[0]}), 3)  # the copies still draw their own tokens

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


class ContinuousBatching(unittest.TestCase):
    """Rows that join a batch mid-decode compute what they would alone, and so do the rows already there."""

    def setUp(self):
        self.model = small_model().eval()

    def greedy(self, prompt, n):
        return sampling.Request(prompt, 1, sampling.SamplingParams(max_tokens=n, temperature=0))

    def alone(self, request):
        return sampling.sample(self.model, request.prompt, 1, request.params, TABLE, "cpu")[0]

    def test_rows_joining_mid_decode_match_each_row_alone(self):
        first = [self.greedy(PROMPTS[1], 12), self.greedy(PROMPTS[2], 9)]
        # joins after 3 steps: one prompt longer than the cache so far (the batch shifts right), one shorter
        late = [self.greedy(PROMPTS[0] * 2, 7), self.greedy([9], 5)]
        batch = sampling.Batch(self.model, TABLE, "cpu")
        with torch.no_grad():
            rows = batch.admit(first, [torch.Generator() for _ in first])
            for _ in range(3):
                self.assertEqual(batch.step(), [])
            rows += batch.admit(late, [torch.Generator() for _ in late])
            self.assertEqual(len(batch.rows), 4)
            finished = []
            while batch.rows:
                finished += batch.step()
        self.assertEqual(sorted(map(id, finished)), sorted(map(id, rows)))
        for request, row in zip(first + late, rows):
            alone = self.alone(request)
            self.assertEqual(row.seq.tokens, alone.tokens)
            self.assertLess(max(abs(a - b) for a, b in zip(row.seq.logprobs, alone.logprobs)), 1e-4)

    def test_the_cache_is_as_long_as_its_longest_row_not_as_old_as_the_batch(self):
        batch = sampling.Batch(self.model, TABLE, "cpu")
        short = [self.greedy(PROMPTS[2], 6) for _ in range(6)]
        with torch.no_grad():
            (long_row,) = batch.admit([self.greedy(PROMPTS[0], 30)], [torch.Generator()])
            joined = []
            for step in range(40):
                if step % 5 == 0 and short:
                    joined += batch.admit([short.pop()], [torch.Generator()])
                if batch.rows:
                    batch.step()
                if long_row.seq.tokens and long_row not in batch.rows:
                    # only short rows left: each holds at most its prompt and 6 tokens
                    self.assertLessEqual(batch.cache.length, len(PROMPTS[2]) + 6)
        self.assertEqual(len(long_row.seq.tokens), 30)
        alone = self.alone(self.greedy(PROMPTS[2], 6)).tokens
        self.assertTrue(all(row.seq.tokens == alone for row in joined))

    def test_a_batch_whose_rows_all_ended_takes_new_rows_afresh(self):
        batch = sampling.Batch(self.model, TABLE, "cpu")
        with torch.no_grad():
            batch.admit([self.greedy(PROMPTS[1], 1)], [torch.Generator()])
            self.assertEqual(len(batch.step()), 1)
            (row,) = batch.admit([self.greedy(PROMPTS[0], 4)], [torch.Generator()])
            while batch.rows:
                batch.step()
        self.assertEqual(row.seq.tokens, self.alone(self.greedy(PROMPTS[0], 4)).tokens)


def held_stream(accept=lambda payload: True):
    """A streaming job that, once `go` is set, takes more jobs with `accept`, logs (its first jobs,
    the ones it took) and answers them all."""
    started, go, log = threading.Event(), threading.Event(), []

    def run_stream(jobs, more, answer):
        started.set()
        go.wait(5)
        later = more(accept)
        log.append(([p for _, p in jobs], [p for _, p in later]))
        for request_id, p in jobs + later:
            answer(request_id, {"type": "sample", "payload": p})

    return run_stream, started, go, log


class WorkerStreaming(unittest.TestCase):
    def test_a_streaming_job_takes_later_jobs_of_its_key_and_answers_each_when_done(self):
        futures = Futures()
        run_stream, started, go, log = held_stream()
        first = futures.submit_streaming("a", 1, run_stream)
        started.wait(5)
        ids = [
            futures.submit_streaming("a", 2, run_stream),
            futures.submit_streaming("a", 3, run_stream),
            futures.submit_streaming("b", 4, run_stream),
            futures.submit_streaming("a", 5, run_stream),
            futures.submit(lambda: log.append("write") or {"type": "write"}),
            futures.submit_streaming("a", 6, run_stream),
        ]
        go.set()
        results = [futures.retrieve(i["request_id"], 5) for i in [first] + ids]
        self.assertEqual([r.get("payload") for r in results], [1, 2, 3, 4, 5, None, 6])
        # 2 and 3 joined the running job; it stopped at 4 (another key); 6 waited behind the write
        self.assertEqual(log, [([1], [2, 3]), ([4], []), ([5], []), "write", ([6], [])])

    def test_more_stops_where_accept_says_no_and_leaves_the_rest_queued(self):
        futures = Futures()
        run_stream, started, go, log = held_stream(lambda p: p < 3)
        ids = [futures.submit_streaming("a", 1, run_stream)]
        started.wait(5)
        ids += [futures.submit_streaming("a", p, run_stream) for p in (2, 3, 2)]
        go.set()
        self.assertEqual([futures.retrieve(i["request_id"], 5)["payload"] for i in ids], [1, 2, 3, 2])
        self.assertEqual(log, [([1], [2]), ([3, 2], [])])

    def test_jobs_a_failed_stream_left_unanswered_get_its_failure(self):
        futures = Futures()

        def run_stream(jobs, more, answer):
            answer(jobs[0][0], {"type": "sample", "payload": jobs[0][1]})
            more(lambda p: True)
            raise RuntimeError("decoding broke")

        gate = threading.Event()
        futures.submit(lambda: gate.wait(5) and {"type": "blocker"})
        ids = [futures.submit_streaming("a", p, run_stream) for p in (1, 2)]
        gate.set()
        results = [futures.retrieve(i["request_id"], 5) for i in ids]
        self.assertEqual(results[0]["type"], "sample")
        self.assertEqual(results[1]["type"], "request_failed")
        self.assertIn("decoding broke", results[1]["error"])

    def test_one_request_at_a_time_takes_no_more(self):
        futures = Futures(max_batch=1)  # the server's --no-batch-requests
        run_stream, started, go, log = held_stream()
        ids = [futures.submit_streaming("a", 1, run_stream)]
        started.wait(5)
        ids.append(futures.submit_streaming("a", 2, run_stream))
        go.set()
        self.assertEqual([futures.retrieve(i["request_id"], 5)["payload"] for i in ids], [1, 2])
        self.assertEqual(log, [([1], []), ([2], [])])


if __name__ == "__main__":
    unittest.main()
