"""The tiny preset's copy circuit: sharp positional heads, and a model that continues a repeated
string from context where a random-init model of the same shape cannot."""
import math
import random
import unittest

import torch

from learner import copy_circuit
from learner.model import CausalLM, apply_rope, init_weights, rope_tables
from learner.tiny import IM_START, tiny_config


def continuation_accuracy(model: CausalLM, alphabet: bytes, trials: int = 24, seed: int = 1) -> float:
    """Greedy next-token accuracy on the second occurrence of a random 8-character string that sits
    among random printable filler (which also contains the alphabet's characters)."""
    rng, hits, total = random.Random(seed), 0, 0
    model.eval()
    for _ in range(trials):
        filler = [rng.randrange(32, 127) for _ in range(rng.randint(20, 200))]
        target = [rng.choice(alphabet) for _ in range(8)]
        seq = [IM_START] + filler[:10] + target + filler + target
        with torch.no_grad():
            predicted = model(torch.tensor([seq]))[0].argmax(-1)
        for i in range(len(seq) - 8, len(seq) - 1):
            hits += int(predicted[i]) == seq[i + 1]
            total += 1
    return hits / total


def bigram_head_weights(model: CausalLM, seq: list) -> torch.Tensor:
    """Attention weights of layer 1's head 0 (the bigram copy head) from the last position to every key."""
    got, attn, c = {}, model.model.layers[1].self_attn, model.config
    hooks = [
        attn.q_proj.register_forward_hook(lambda m, i, o: got.__setitem__("q", o)),
        attn.k_proj.register_forward_hook(lambda m, i, o: got.__setitem__("k", o)),
    ]
    with torch.no_grad():
        model(torch.tensor([seq]))
    for hook in hooks:
        hook.remove()
    hd, t = c.head_dim, len(seq)
    cos, sin = rope_tables(hd, c.rope_theta, torch.arange(t))
    q = apply_rope(got["q"][0, :, :hd].reshape(1, 1, t, hd), cos, sin)[0, 0]
    k = apply_rope(got["k"][0, :, :hd].reshape(1, 1, t, hd), cos, sin)[0, 0]
    return torch.softmax(k @ q[-1] / math.sqrt(hd), 0)


def tiny(primed: bool) -> CausalLM:
    model = CausalLM(tiny_config())
    init_weights(model, 0)
    return copy_circuit.install(model, 0) if primed else model


class CopyCircuit(unittest.TestCase):
    def test_positional_heads_peak_at_their_offset_everywhere_in_the_context(self):
        config = tiny_config()
        for offset in (0, 1, 2):
            margin = copy_circuit.positional_margin(config.head_dim, config.rope_theta, offset, 4096)
            self.assertGreater(margin, 10.0, offset)  # softmax weight of any other key < e^-10

    def test_primed_model_continues_repeated_strings_and_random_init_does_not(self):
        primed, plain = tiny(True), tiny(False)
        for alphabet in (b"0123456789", b"abcdefghijklmnopqrstuvwxyz"):
            self.assertGreater(continuation_accuracy(primed, alphabet), 0.8, alphabet)
            self.assertLess(continuation_accuracy(plain, alphabet), 0.1, alphabet)

    def test_of_two_equal_matches_the_bigram_head_prefers_the_more_recent(self):
        # A prompt's format example and a later interpreter output share the context "<<<"; the
        # answer must come from the output. Measured: the later key gets >= 5x the earlier one's
        # weight in 18 of these 20 contexts, and in 8 of 20 without the recency term.
        model, rng, recent = tiny(True), random.Random(3), 0
        model.eval()
        self.assertGreater(copy_circuit.recency_range(64, tiny_config().rope_theta), 800)
        for _ in range(20):
            early, late = rng.sample(b"123456789", 2)
            filler = [rng.randrange(97, 123) for _ in range(rng.randint(60, 300))]
            head = [IM_START] + list(b"e.g. <<<")
            middle = [early] + filler + list(b"\n<<<")
            weights = bigram_head_weights(model, head + middle + [late] + filler[:20] + list(b"\n<<<"))
            recent += bool(weights[len(head) + len(middle)] >= 5 * weights[len(head)])
        self.assertGreaterEqual(recent, 16)

    def test_other_shapes_are_refused_with_a_reason(self):
        config = tiny_config()
        config.num_key_value_heads = 2
        with self.assertRaisesRegex(ValueError, "head_dim 64"):
            copy_circuit.install(CausalLM(config))


if __name__ == "__main__":
    unittest.main()
