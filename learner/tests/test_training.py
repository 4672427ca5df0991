"""Training and sampling end to end in process: overfitting, logprob agreement, stops, micro-batches."""
import unittest

import torch

from learner import sampling, trainer
from learner.optim import AdamParams
from learner.tiny import IM_END, encode
from learner.tokens import bytes_to_unicode, token_bytes_table
from learner.tests.helpers import small_model, temp_dir, write_folder

TEXTS = [
    "cat sat",
    "dog ran",
    "sun rose",
    "bird flew",
    "fish swam",
    "rain fell",
    "wind blew",
    "tree grew",
    "star shone",
    "moon set",
]


def sft_datum(text: str, prompt_len: int = 1) -> trainer.Datum:
    ids = [257] + encode(text) + [IM_END]
    inputs, targets = ids[:-1], ids[1:]
    weights = [0.0] * (prompt_len - 1) + [1.0] * (len(targets) - prompt_len + 1)
    return trainer.Datum(inputs, {"target_tokens": torch.tensor(targets), "weights": torch.tensor(weights)})


def cpu(model, **kw) -> trainer.Trainable:
    return trainer.Trainable(model, None, torch.device("cpu"), **kw)


class Overfit(unittest.TestCase):
    def test_sft_on_ten_sequences_reaches_near_zero_loss_and_greedy_reproduces_them(self):
        torch.manual_seed(0)
        t = cpu(small_model(hidden_size=96, intermediate_size=192, num_attention_heads=4, head_dim=24))
        data = [sft_datum(x, prompt_len=3) for x in TEXTS]  # the first two letters are the prompt
        n_targets = sum(float(d.inputs["weights"].sum()) for d in data)
        for _ in range(150):
            out = trainer.run(t, data, "cross_entropy", {}, backward=True)
            t.optim_step(AdamParams(learning_rate=3e-3, beta2=0.99, grad_clip_norm=1.0))
        mean_loss = out["metrics"]["loss:sum"] / n_targets
        self.assertLess(mean_loss, 0.05)
        table = [bytes([i]) for i in range(256)] + [b""] * 3
        for text in TEXTS:
            prompt = [257] + encode(text[:2])
            params = sampling.SamplingParams(max_tokens=20, temperature=0.0, stop_token_ids=[IM_END])
            seq = sampling.sample(t.model, prompt, 1, params, table, "cpu")[0]
            self.assertEqual(bytes(seq.tokens[:-1]).decode(), text[2:])
            self.assertEqual((seq.tokens[-1], seq.stop_reason), (IM_END, "stop"))


class Sampling(unittest.TestCase):
    def setUp(self):
        self.model = small_model().eval()
        self.table = [bytes([i]) for i in range(256)] + [b"<|endoftext|>", b"<|im_start|>", b"<|im_end|>"]

    def test_forward_logprobs_equal_sampled_logprobs(self):
        prompt = encode("hello")
        seqs = sampling.sample(self.model, prompt, 3, sampling.SamplingParams(max_tokens=12, seed=3), self.table, "cpu")
        t = cpu(self.model)
        data = []
        for s in seqs:
            ids = prompt + s.tokens
            data.append(trainer.Datum(ids[:-1], {"target_tokens": torch.tensor(ids[1:])}))
        out = trainer.run(t, data, "cross_entropy", {}, backward=False)
        for s, o in zip(seqs, out["loss_fn_outputs"]):
            forward = o["logprobs"][len(prompt) - 1 :]
            self.assertLess(float((forward - torch.tensor(s.logprobs)).abs().max()), 1e-4)

    def test_at_temperature_0_7_sampled_logprobs_are_the_tempered_ones_forward_computes(self):
        # verl's practice: train on logits / T, so the sampler's stored logprobs and the trainer's agree.
        prompt = encode("hello")
        params = sampling.SamplingParams(max_tokens=12, seed=5, temperature=0.7)
        seqs = sampling.sample(self.model, prompt, 3, params, self.table, "cpu")
        data = [
            trainer.Datum((prompt + s.tokens)[:-1], {"target_tokens": torch.tensor((prompt + s.tokens)[1:])})
            for s in seqs
        ]
        tempered = trainer.run(cpu(self.model), data, "cross_entropy", {"temperature": 0.7}, backward=False)
        plain = trainer.run(cpu(self.model), data, "cross_entropy", {}, backward=False)
        for s, at_t, at_1 in zip(seqs, tempered["loss_fn_outputs"], plain["loss_fn_outputs"]):
            sampled = torch.tensor(s.logprobs)
            self.assertLess(float((at_t["logprobs"][len(prompt) - 1 :] - sampled).abs().max()), 1e-4)
            self.assertGreater(float((at_1["logprobs"][len(prompt) - 1 :] - sampled).abs().max()), 1e-2)
        with self.assertRaisesRegex(ValueError, "temperature must be positive"):
            trainer.run(cpu(self.model), data, "cross_entropy", {"temperature": 0.0}, backward=False)

    def test_same_seed_same_tokens_and_batch_size_does_not_matter_for_count(self):
        params = sampling.SamplingParams(max_tokens=8, seed=11, temperature=1.0, top_p=0.9)
        a = sampling.sample(self.model, [1, 2, 3], 5, params, self.table, "cpu", max_batch=2)
        b = sampling.sample(self.model, [1, 2, 3], 5, params, self.table, "cpu", max_batch=2)
        self.assertEqual([s.tokens for s in a], [s.tokens for s in b])
        self.assertEqual(len(a), 5)
        self.assertTrue(all(len(s.tokens) == 8 and s.stop_reason == "length" for s in a))

    def test_stop_string_spanning_tokens_stops_after_the_completing_token(self):
        greedy = sampling.sample(
            self.model, [1, 2], 1, sampling.SamplingParams(max_tokens=10, temperature=0), self.table, "cpu"
        )[0]
        stop = bytes(greedy.tokens[3:5])  # two bytes produced by two consecutive tokens
        params = sampling.SamplingParams(max_tokens=10, temperature=0, stop_strings=[stop])
        seq = sampling.sample(self.model, [1, 2], 1, params, self.table, "cpu")[0]
        first = bytes(greedy.tokens).find(stop)
        self.assertEqual(seq.tokens, greedy.tokens[: first + len(stop)])
        self.assertEqual(seq.stop_reason, "stop")

    def test_top_k_one_is_greedy(self):
        greedy = sampling.sample(
            self.model, [4], 1, sampling.SamplingParams(max_tokens=6, temperature=0), self.table, "cpu"
        )[0]
        topk = sampling.sample(
            self.model, [4], 2, sampling.SamplingParams(max_tokens=6, temperature=1, top_k=1, seed=1), self.table, "cpu"
        )
        self.assertEqual([s.tokens for s in topk], [greedy.tokens, greedy.tokens])


class TokenBytes(unittest.TestCase):
    def test_tiny_tokenizer_bytes_are_the_byte_values(self):
        folder = write_folder(small_model())
        table = token_bytes_table(f"{folder}/tokenizer.json", 259)
        self.assertEqual(table[:256], [bytes([i]) for i in range(256)])
        self.assertEqual(table[258], b"<|im_end|>")
        self.assertEqual(len(set(bytes_to_unicode().values())), 256)


class MicroBatching(unittest.TestCase):
    def grads(self, max_tokens):
        torch.manual_seed(0)
        t = cpu(small_model(), max_tokens_per_microbatch=max_tokens)
        data = [sft_datum(x) for x in TEXTS[:5]]
        out = trainer.run(t, data, "cross_entropy", {}, backward=True)
        return out, torch.cat([p.grad.flatten() for p in t.model.parameters()])

    def test_micro_batches_give_the_same_loss_and_gradient(self):
        whole, g1 = self.grads(10_000)
        split, g2 = self.grads(12)  # one datum per micro-batch
        self.assertEqual(len(trainer.microbatches([sft_datum(x) for x in TEXTS[:5]], 12)), 5)
        self.assertAlmostEqual(whole["metrics"]["loss:sum"], split["metrics"]["loss:sum"], places=3)
        self.assertLess(float((g1 - g2).abs().max()), 1e-5)


class Extensions(unittest.TestCase):
    def test_kl_against_the_reference_is_zero_before_training_and_positive_after(self):
        t = cpu(small_model())
        t.keep_reference()
        datum = sft_datum("abc")
        zero = trainer.run(t, [datum], "cross_entropy", {"kl_coef": 1.0}, backward=True)
        self.assertAlmostEqual(zero["metrics"]["kl:mean"], 0.0, places=6)
        t.optim_step(AdamParams(learning_rate=1e-2))
        after = trainer.run(t, [datum], "cross_entropy", {"kl_coef": 1.0}, backward=False)
        self.assertGreater(after["metrics"]["kl:mean"], 0.0)

    def test_value_head_learns_the_returns(self):
        t = cpu(small_model())
        t.model.add_value_head()
        datum = sft_datum("abcd")
        n = len(datum.tokens)
        datum.inputs.update(returns=torch.full((n,), 0.5), logprobs=torch.zeros(n), advantages=torch.zeros(n))
        for _ in range(30):
            out = trainer.run(t, [datum], "importance_sampling", {"value_coef": 1.0}, backward=True)
            t.optim_step(AdamParams(learning_rate=1e-2))
        values = out["loss_fn_outputs"][0]["values"]
        self.assertLess(float((values - 0.5).abs().max()), 0.1)
        self.assertIn("entropy:mean", out["metrics"])

    def test_kl_without_a_reference_is_refused(self):
        with self.assertRaises(ValueError):
            trainer.run(cpu(small_model()), [sft_datum("a")], "cross_entropy", {"kl_coef": 1.0}, backward=False)
