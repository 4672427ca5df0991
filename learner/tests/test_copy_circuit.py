"""The tiny preset's copy circuit: sharp positional heads, and a model that continues a repeated
string from context where a random-init model of the same shape cannot."""
import random
import unittest

import torch

from learner import copy_circuit
from learner.model import CausalLM, init_weights
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

    def test_other_shapes_are_refused_with_a_reason(self):
        config = tiny_config()
        config.num_key_value_heads = 2
        with self.assertRaisesRegex(ValueError, "head_dim 64"):
            copy_circuit.install(CausalLM(config))


if __name__ == "__main__":
    unittest.main()
