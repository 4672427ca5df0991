"""Training checkpoints: a LoRA model's holds its adapters alone and loads back only onto the base
model it was trained on; a full model's holds every tensor."""
import os
import tempfile
import unittest

import torch

from learner import checkpoint, hf
from learner.lora import apply_lora, target_names
from learner.tiny import write_tiny
from learner.trainer import Trainable

CPU = torch.device("cpu")


class Checkpoints(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.base = write_tiny(os.path.join(cls.tmp.name, "base"), seed=0)
        cls.other = write_tiny(os.path.join(cls.tmp.name, "other"), seed=1)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def trainable(self, base, lora=True):
        t = Trainable(hf.load_model(base, CPU, torch.float32), base, CPU, info={"base_model": base})
        if lora:
            apply_lora(t.model, 2, 32.0, target_names(), seed=0)
        return t

    def test_a_lora_checkpoint_holds_the_adapters_and_loads_onto_its_base(self):
        trained = self.trainable(self.base)
        with torch.no_grad():
            for name, p in trained.model.named_parameters():
                if name.endswith("lora_B"):
                    p.fill_(0.01)  # as training leaves them: B starts at zero
        folder = checkpoint.save(trained, os.path.join(self.tmp.name, "ckpt-lora"), dict(trained.info))
        saved = checkpoint.load_file(os.path.join(folder, "weights.safetensors"))
        self.assertTrue(saved and all(".lora_" in k for k in saved), sorted(saved)[:4])
        self.assertTrue(checkpoint.read_meta(folder)["base_omitted"])

        fresh = self.trainable(self.base)
        checkpoint.load(fresh, folder, with_optimizer=False)
        want, got = trained.model.state_dict(), fresh.model.state_dict()
        self.assertEqual(sorted(want), sorted(got))
        for k in want:
            self.assertTrue(torch.equal(want[k], got[k]), k)

        wrong_base = self.trainable(self.other)
        with self.assertRaisesRegex(ValueError, "trained on base model .*create it from that base model"):
            checkpoint.load(wrong_base, folder, with_optimizer=False)

    def test_a_full_checkpoint_holds_every_tensor(self):
        full = self.trainable(self.base, lora=False)
        folder = checkpoint.save(full, os.path.join(self.tmp.name, "ckpt-full"), dict(full.info))
        saved = checkpoint.load_file(os.path.join(folder, "weights.safetensors"))
        self.assertEqual(sorted(saved), sorted(full.model.state_dict()))
        self.assertNotIn("base_omitted", checkpoint.read_meta(folder))


if __name__ == "__main__":
    unittest.main()
