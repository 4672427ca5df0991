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


@unittest.skipUnless(HAS_CUDA, "no CUDA device")
class GpuScale(unittest.TestCase):
    """bf16 on the GPU: parity with transformers in bf16, and the service's dtype choices."""

    def test_bf16_logits_are_as_close_to_fp32_as_transformers_bf16(self):
        from learner import hf
        from learner.tests.parity import DTYPE, MISSING, SHAPES, batch, reference, transformers

        if MISSING:
            self.skipTest(MISSING)
        tokens, mask = batch()
        tokens, mask, real = tokens.cuda(), mask.cuda(), mask.bool().cuda()
        for name in SHAPES:
            theirs, _, native = reference(name)
            with torch.no_grad():
                exact = theirs.cuda()(input_ids=tokens, attention_mask=mask).logits
                theirs16 = (
                    transformers.AutoModelForCausalLM.from_pretrained(native, **{DTYPE: torch.bfloat16}).cuda().eval()
                )
                want = theirs16(input_ids=tokens, attention_mask=mask).logits.float()
                got = hf.load_model(native, "cuda", torch.bfloat16).eval()(tokens).float()
            their_error = float((want - exact)[real].abs().max())
            our_error = float((got - exact)[real].abs().max())
            with self.subTest(shape=name, ours=our_error, theirs=their_error):
                self.assertLessEqual(our_error, 1.5 * their_error + 1e-2)

    def test_lora_base_is_bf16_and_full_reference_is_bf16(self):
        import tempfile
        from learner.service import Service

        folder = write_folder(small_model())
        service = Service(tempfile.mkdtemp(), torch.device("cuda"))
        lora = service.futures.retrieve(
            service.create_model({"base_model": folder, "lora_config": {"rank": 4}})["request_id"], 30
        )
        full = service.futures.retrieve(
            service.create_model({"base_model": folder, "reference_model": True})["request_id"], 30
        )
        t_lora, t_full = service.models[lora["model_id"]], service.models[full["model_id"]]
        self.assertEqual(t_lora.model.model.embed_tokens.weight.dtype, torch.bfloat16)
        self.assertTrue(t_lora.model.gradient_checkpointing)
        self.assertEqual(t_full.model.model.embed_tokens.weight.dtype, torch.float32)
        self.assertEqual(t_full.reference.model.embed_tokens.weight.dtype, torch.bfloat16)
        datum = trainer.Datum([1, 2, 3, 4, 5], {"target_tokens": torch.tensor([2, 3, 4, 5, 6])})
        for t in (t_lora, t_full):
            out = trainer.run(t, [datum], "cross_entropy", {"kl_coef": 0.1}, backward=True)
            self.assertTrue(torch.isfinite(torch.tensor(out["metrics"]["loss:sum"])))
            t.optim_step(AdamParams(learning_rate=1e-3))
