"""GPU checks (bf16 training step; logits parity with transformers when installed); skipped without CUDA."""
import unittest

import torch

from learner import trainer
from learner.optim import AdamParams
from learner.tests.helpers import small_model, write_folder

HAS_CUDA = torch.cuda.is_available()


@unittest.skipUnless(HAS_CUDA, "no CUDA device")
class Gpu(unittest.TestCase):
    def test_bf16_forward_backward_step_gpu(self):
        t = trainer.Trainable(small_model().cuda(), None, torch.device("cuda"))
        datum = trainer.Datum([1, 2, 3, 4, 5], {"target_tokens": torch.tensor([2, 3, 4, 5, 6])})
        first = trainer.run(t, [datum], "cross_entropy", {}, backward=True)["metrics"]["loss:sum"]
        for _ in range(10):
            t.optim_step(AdamParams(learning_rate=1e-2))
            last = trainer.run(t, [datum], "cross_entropy", {}, backward=True)["metrics"]["loss:sum"]
        self.assertLess(last, first)

    def test_logits_match_transformers_gpu(self):
        try:
            import transformers
        except ImportError:
            self.skipTest("transformers is not installed")
        model = small_model().eval()
        folder = write_folder(model)
        theirs = transformers.AutoModelForCausalLM.from_pretrained(folder, torch_dtype=torch.float32).eval()
        tokens = torch.tensor([[1, 5, 9, 200, 3]])
        with torch.no_grad():
            self.assertLess(float((model(tokens) - theirs(tokens).logits).abs().max()), 1e-4)
