"""Memory at scale, on the CPU: the chunked cross-entropy never holds [tokens x vocab], gradient
checkpointing changes nothing but memory, bf16 bases train float32 adapters, and the memory plan
refuses a configuration that will not fit, in one line, before loading anything."""
import json
import os
import subprocess
import sys
import unittest
from unittest import mock

import torch
import torch.nn.functional as F

from learner import hf, memory, trainer
from learner.futures import UserError
from learner.lora import ATTENTION, MLP, apply_lora
from learner.model import param_count
from learner.service import Service
from learner.tests.helpers import small_config, small_model, temp_dir, write_folder
from learner.token_logprobs import target_logprobs

QWEN25_7B = {
    "architectures": ["Qwen2ForCausalLM"],
    "model_type": "qwen2",
    "vocab_size": 152064,
    "hidden_size": 3584,
    "intermediate_size": 18944,
    "num_hidden_layers": 28,
    "num_attention_heads": 28,
    "num_key_value_heads": 4,
    "rope_theta": 1000000.0,
    "tie_word_embeddings": False,
    "torch_dtype": "bfloat16",
    "rms_norm_eps": 1e-6,
    "max_position_embeddings": 32768,
    "use_sliding_window": False,
    "sliding_window": 131072,
}


def saved_numels(fn):
    """Element counts of every tensor autograd saves while fn() runs."""
    sizes = []

    def pack(t):
        sizes.append(t.numel())
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = fn()
    return out, sizes


class ChunkedCrossEntropy(unittest.TestCase):
    def test_chunks_give_the_same_values_and_gradients_without_a_full_logits_tensor(self):
        g = torch.Generator().manual_seed(0)
        h = torch.randn(2, 50, 16, generator=g, requires_grad=True)
        weight = torch.randn(300, 16, generator=g, requires_grad=True)
        targets = torch.randint(0, 300, (2, 50), generator=g)
        full = torch.log_softmax(F.linear(h, weight), -1).gather(-1, targets[..., None]).squeeze(-1)
        want = torch.autograd.grad(full.sum(), (h, weight))
        chunked, sizes = saved_numels(lambda: target_logprobs(h, weight, targets, elements=300 * 8))
        got = torch.autograd.grad(chunked.sum(), (h, weight))
        self.assertLess(float((chunked - full).detach().abs().max()), 1e-5)
        for a, b in zip(got, want):
            self.assertLess(float((a - b).abs().max()), 1e-5)
        self.assertLess(max(sizes, default=0), 100 * 300)  # nothing of [tokens x vocab] was kept for the backward
        _, unchunked = saved_numels(lambda: target_logprobs(h, weight, targets))
        self.assertGreaterEqual(max(unchunked), 100 * 300)  # the single-chunk path does keep it


class Checkpointing(unittest.TestCase):
    def test_same_loss_and_gradients_with_less_saved(self):
        datum = trainer.Datum(list(range(1, 41)), {"target_tokens": torch.arange(2, 42)})
        results = []
        for on in (False, True):
            model = small_model("qwen3", num_hidden_layers=3)
            model.gradient_checkpointing = on
            t = trainer.Trainable(model, None, torch.device("cpu"))
            out, sizes = saved_numels(lambda: trainer.run(t, [datum], "cross_entropy", {}, backward=True))
            results.append((out["metrics"]["loss:sum"], {k: p.grad for k, p in model.named_parameters()}, sum(sizes)))
        (loss0, grads0, saved0), (loss1, grads1, saved1) = results
        self.assertAlmostEqual(loss0, loss1, places=5)
        for k in grads0:
            self.assertLess(float((grads0[k] - grads1[k]).abs().max()), 1e-5, k)
        self.assertLess(saved1, saved0 / 2)


class Bf16(unittest.TestCase):
    @unittest.skipUnless(hasattr(torch, "get_default_device"), "bf16 loading needs torch >= 2.3")
    def test_bf16_base_trains_float32_adapters(self):
        folder = write_folder(small_model())
        model = hf.load_model(folder, dtype=torch.bfloat16)
        apply_lora(model, 4, 8.0, ATTENTION + MLP)
        frozen = {p.dtype for n, p in model.named_parameters() if "lora_" not in n}
        adapters = {p.dtype for n, p in model.named_parameters() if "lora_" in n}
        self.assertEqual((frozen, adapters), ({torch.bfloat16}, {torch.float32}))
        tokens = torch.tensor([[1, 2, 3, 4, 5]])
        with torch.autocast("cpu", dtype=torch.bfloat16):
            model(tokens).float().logsumexp(-1).sum().backward()
        grads = [p.grad for n, p in model.named_parameters() if "lora_B" in n]
        self.assertTrue(all(g is not None and g.dtype == torch.float32 and g.abs().sum() > 0 for g in grads))


class Plan(unittest.TestCase):
    def test_parameter_count_matches_the_model(self):
        for arch in ("qwen2", "qwen3", "llama"):
            for tied in (True, False):
                config = small_config(arch, tie_word_embeddings=tied, attention_bias=arch == "llama")
                from learner.model import CausalLM

                self.assertEqual(memory.parameter_count(config), param_count(CausalLM(config)), (arch, tied))
        self.assertEqual(memory.parameter_count(hf.config_from_hf(QWEN25_7B)), 7_615_616_512)

    def folder_7b(self) -> str:
        folder = temp_dir()  # config.json only: the plan must refuse before any weights are read
        with open(os.path.join(folder, "config.json"), "w") as f:
            json.dump(QWEN25_7B, f)
        return folder

    def test_create_model_refuses_in_one_line_before_loading(self):
        service = Service(temp_dir(), torch.device("cpu"))
        with mock.patch.dict(os.environ, {"R1CI_LEARNER_MEMORY_BUDGET": "16GiB"}):
            with self.assertRaises(UserError) as caught:
                service.create_model({"base_model": self.folder_7b(), "lora_config": {"rank": 16}})
        message = str(caught.exception)
        self.assertNotIn("\n", message)
        self.assertRegex(message, r"needs about \d+\.\d GiB but 16\.0 GiB is available")
        with mock.patch.dict(os.environ, {"R1CI_LEARNER_MEMORY_BUDGET": "141GiB"}):
            service.check_memory(self.folder_7b(), {"rank": 16}, False, True)  # an H200 takes it

    def test_full_fine_tuning_of_7b_needs_far_more_than_lora(self):
        config = hf.config_from_hf(QWEN25_7B)
        lora, full = memory.estimate(config, 16, 8192), memory.estimate(config, None, 8192, kl_reference=True)
        self.assertGreater(full.total, 100 * memory.GIB)
        self.assertLess(lora.total, 40 * memory.GIB)

    def test_command_line_plan_refuses_with_one_line(self):
        env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
        run = subprocess.run(
            [sys.executable, "-m", "learner.memory", self.folder_7b(), "--lora-rank", "16", "--budget", "16GiB"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        self.assertEqual(run.returncode, 3)
        self.assertEqual(len(run.stderr.strip().splitlines()), 1, run.stderr)
        self.assertGreater(json.loads(run.stdout)["total"], 16 * memory.GIB)
