"""Architectures, the KV cache, safetensors and Hugging Face folders, checkpoints, LoRA merge."""
import os
import unittest

import torch

from learner import checkpoint, hf, trainer
from learner.lora import apply_lora, merged_state, save_adapter
from learner.safetensors_io import load_file, read_header, save_file
from learner.tests.helpers import read_json, small_model, temp_dir, write_folder

TOKENS = torch.tensor([[5, 17, 200, 3, 99, 42, 7, 1], [8, 8, 8, 250, 1, 2, 3, 4]])


class Architectures(unittest.TestCase):
    def test_each_architecture_has_its_parameters(self):
        names = {
            a: set(dict(small_model(a, tie_word_embeddings=a != "llama").named_parameters()))
            for a in ("qwen2", "qwen3", "llama")
        }
        self.assertIn("model.layers.0.self_attn.q_proj.bias", names["qwen2"])
        self.assertNotIn("model.layers.0.self_attn.q_proj.bias", names["qwen3"])
        self.assertIn("model.layers.0.self_attn.q_norm.weight", names["qwen3"])
        self.assertIn("lm_head.weight", names["llama"])
        self.assertNotIn("lm_head.weight", names["qwen2"])

    def test_kv_cache_decoding_equals_full_forward(self):
        for arch in ("qwen2", "qwen3", "llama"):
            model = small_model(arch).eval()
            with torch.no_grad():
                full = model(TOKENS)
                from learner.model import KVCache

                cache = KVCache(model.config, 2, 8, "cpu", torch.float32)
                parts = [model(TOKENS[:, :5], cache)] + [model(TOKENS[:, i : i + 1], cache) for i in range(5, 8)]
            self.assertLess(float((torch.cat(parts, 1) - full).abs().max()), 1e-4, arch)

    def test_causal_future_tokens_do_not_change_the_past(self):
        model = small_model().eval()
        changed = TOKENS.clone()
        changed[:, 6:] = 0
        with torch.no_grad():
            self.assertTrue(torch.allclose(model(TOKENS)[:, :6], model(changed)[:, :6], atol=1e-5))


class Formats(unittest.TestCase):
    def test_safetensors_round_trip_keeps_dtypes_and_values(self):
        path = os.path.join(temp_dir(), "x.safetensors")
        tensors = {"a": torch.randn(3, 4), "b": torch.randn(5).to(torch.bfloat16), "c": torch.arange(6).view(2, 3)}
        save_file(tensors, path)
        back = load_file(path)
        for k, v in tensors.items():
            self.assertEqual(back[k].dtype, v.dtype)
            self.assertTrue(torch.equal(back[k], v))
        with open(path, "rb") as f:
            n = int.from_bytes(f.read(8), "little")
        self.assertEqual(n % 8, 0)
        self.assertEqual(read_header(path)["a"]["dtype"], "F32")

    def test_hf_folder_loads_back_with_identical_logits(self):
        for arch in ("qwen2", "qwen3", "llama"):
            model = small_model(arch, tie_word_embeddings=arch != "llama").eval()
            folder = write_folder(model)
            config = read_json(os.path.join(folder, "config.json"))
            self.assertEqual(config["model_type"], arch)
            back = hf.load_model(folder).eval()
            with torch.no_grad():
                self.assertTrue(torch.equal(model(TOKENS), back(TOKENS)), arch)

    def test_sharded_folder_has_an_index_and_loads_back(self):
        model = small_model().eval()
        folder = os.path.join(temp_dir(), "sharded")
        hf.save_model(model, folder, max_shard_bytes=100_000)
        index = read_json(os.path.join(folder, hf.INDEX))
        files = set(index["weight_map"].values())
        self.assertGreater(len(files), 1)
        self.assertTrue(all(os.path.isfile(os.path.join(folder, f)) for f in files))
        with torch.no_grad():
            self.assertTrue(torch.equal(model(TOKENS), hf.load_model(folder)(TOKENS)))

    def test_checkpoint_save_then_load_gives_identical_logits_and_optimizer(self):
        t = trainer.Trainable(small_model(), None, torch.device("cpu"))
        data = [trainer.Datum([1, 2, 3, 4], {"target_tokens": torch.tensor([2, 3, 4, 5])})]
        trainer.run(t, data, "cross_entropy", {}, backward=True)
        from learner.optim import AdamParams

        t.optim_step(AdamParams(learning_rate=1e-2))
        folder = checkpoint.save(t, os.path.join(temp_dir(), "ckpt"), {"base_model": "x"})
        other = trainer.Trainable(small_model(seed=9), None, torch.device("cpu"))
        checkpoint.load(other, folder, with_optimizer=True)
        with torch.no_grad():
            self.assertTrue(torch.equal(t.model(TOKENS), other.model(TOKENS)))
        self.assertEqual(other.steps, 1)
        self.assertEqual(len(other.optimizer.state), len(t.optimizer.state))


class LoRA(unittest.TestCase):
    def test_merged_export_gives_the_same_logits_as_unmerged(self):
        model = small_model().eval()
        apply_lora(model, rank=4, alpha=8, targets=("q_proj", "v_proj", "gate_proj", "down_proj"))
        with torch.no_grad():
            for name, p in model.named_parameters():
                if "lora_B" in name:
                    p.copy_(torch.randn_like(p) * 0.1)  # a trained adapter, not the identity
            unmerged = model(TOKENS)
            folder = write_folder(model)
            merged = hf.load_model(folder).eval()(TOKENS)
        self.assertFalse(any("lora" in k for k in merged_state(model)))
        self.assertLess(float((unmerged - merged).abs().max()), 1e-4)

    def test_peft_adapter_folder_rebuilds_the_merged_weights(self):
        model = small_model().eval()
        apply_lora(model, rank=4, alpha=8, targets=("q_proj", "down_proj"))
        with torch.no_grad():
            for name, p in model.named_parameters():
                if "lora_B" in name:
                    p.copy_(torch.randn_like(p) * 0.1)
        folder = save_adapter(model, os.path.join(temp_dir(), "adapter"), "base-folder")
        config = read_json(os.path.join(folder, "adapter_config.json"))
        self.assertEqual(
            (
                config["peft_type"],
                config["r"],
                config["lora_alpha"],
                config["target_modules"],
                config["base_model_name_or_path"],
            ),
            ("LORA", 4, 8.0, ["down_proj", "q_proj"], "base-folder"),
        )
        saved = load_file(os.path.join(folder, "adapter_model.safetensors"))
        self.assertEqual(len(saved), 2 * 2 * 2)  # 2 layers x 2 targets x (A, B)
        merged = merged_state(model)
        for layer in (0, 1):
            for module in ("self_attn.q_proj", "mlp.down_proj"):
                name = f"model.layers.{layer}.{module}"
                a, b = saved[f"base_model.model.{name}.lora_A.weight"], saved[f"base_model.model.{name}.lora_B.weight"]
                base = dict(model.named_modules())[name].weight
                # PEFT's rule: W' = W + (lora_alpha / r) B A
                self.assertLess(float((base + (8.0 / 4) * b @ a - merged[f"{name}.weight"]).abs().max()), 1e-6)
        with self.assertRaises(ValueError):
            save_adapter(small_model(), os.path.join(temp_dir(), "none"), "base")

    def test_only_adapters_train(self):
        model = small_model()
        count = apply_lora(model, rank=2, alpha=4, targets=("q_proj", "k_proj"))
        self.assertEqual(count, 4)
        trainable = [n for n, p in model.named_parameters() if p.requires_grad]
        self.assertTrue(trainable and all("lora_" in n for n in trainable))
        with self.assertRaises(ValueError):
            apply_lora(small_model(), rank=2, alpha=4, targets=("nothing",))
