"""Live LoRA parity with PEFT and transformers on the CPU in fp32: an adapter the learner saves loads
in PEFT, an adapter PEFT saves loads in the learner, and a merged export loads in transformers, each
giving the same logits."""
import os
import unittest

import torch

from learner import hf
from learner.lora import ATTENTION, MLP, apply_lora, load_adapter, save_adapter
from learner.tests.helpers import temp_dir
from learner.tests.parity import DTYPE, MISSING, SHAPES, batch, reference, transformers

TOL = 1e-4


def trained_lora(folder: str, rank: int = 4):
    """The learner's model of `folder` with random (non-identity) adapters on every linear layer."""
    model = hf.load_model(folder).eval()
    apply_lora(model, rank, 8.0, ATTENTION + MLP, seed=3)
    g = torch.Generator().manual_seed(4)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "lora_B" in name:
                p.copy_(torch.randn(p.shape, generator=g) * 0.2)
    return model


def max_diff(a, b, mask) -> float:
    return float((a - b)[mask.bool()].abs().max())


@unittest.skipIf(MISSING, MISSING or "")
class PeftParity(unittest.TestCase):
    def test_learner_adapter_loads_in_peft_with_the_same_logits(self):
        import peft

        tokens, mask = batch()
        for name in SHAPES:
            _, _, native = reference(name)
            ours = trained_lora(native)
            adapter = save_adapter(ours, os.path.join(temp_dir(), "adapter"), native)
            base = transformers.AutoModelForCausalLM.from_pretrained(native, **{DTYPE: torch.float32})
            theirs = peft.PeftModel.from_pretrained(base, adapter).eval()
            with torch.no_grad(), self.subTest(shape=name):
                self.assertLess(max_diff(ours(tokens), theirs(input_ids=tokens, attention_mask=mask).logits, mask), TOL)

    def test_peft_adapter_loads_in_the_learner_with_the_same_logits(self):
        import peft

        tokens, mask = batch()
        for name in SHAPES:
            for rslora in (False, True):
                theirs, _, native = reference(name)
                config = peft.LoraConfig(
                    r=4, lora_alpha=16, target_modules=list(ATTENTION + MLP), init_lora_weights=False, use_rslora=rslora
                )  # random B: not the identity
                theirs = peft.get_peft_model(theirs, config).eval()
                folder = os.path.join(temp_dir(), "peft")
                theirs.save_pretrained(folder)
                ours = hf.load_model(native).eval()
                load_adapter(ours, folder)
                with torch.no_grad(), self.subTest(shape=name, rslora=rslora):
                    want = theirs(input_ids=tokens, attention_mask=mask).logits
                    self.assertLess(max_diff(ours(tokens), want, mask), TOL)
                    trainable = [n for n, p in ours.named_parameters() if p.requires_grad]
                    self.assertTrue(trainable and all("lora_" in n for n in trainable))

    def test_adapter_folder_loads_as_a_model_through_its_base(self):
        tokens, mask = batch()
        _, _, native = reference("qwen3")
        ours = trained_lora(native)
        adapter = save_adapter(ours, os.path.join(temp_dir(), "adapter"), native)
        with torch.no_grad():
            self.assertLess(max_diff(hf.load_model(adapter)(tokens), ours(tokens), mask), 1e-6)

    def test_merged_export_loads_in_transformers_with_the_same_logits(self):
        tokens, mask = batch()
        for name in SHAPES:
            _, _, native = reference(name)
            ours = trained_lora(native)
            folder = hf.save_model(ours, os.path.join(temp_dir(), "merged"))
            theirs = transformers.AutoModelForCausalLM.from_pretrained(folder, **{DTYPE: torch.float32}).eval()
            with torch.no_grad(), self.subTest(shape=name):
                self.assertLess(max_diff(ours(tokens), theirs(input_ids=tokens, attention_mask=mask).logits, mask), TOL)
