"""Reference models for the parity tests: random-weight transformers models in the exact config.json
shapes of Qwen2.5 (tied, untied), Qwen3 and Llama 3.x (llama3 RoPE scaling), tiny in size, saved
in both layouts (Hub: rope_theta/rope_scaling at the top level; transformers 5: rope_parameters).
"""
import json
import os
import shutil
import sys

import torch

from learner.tests.helpers import temp_dir

try:
    import peft  # noqa: F401
    import transformers

    # transformers < 4.56 names the dtype argument torch_dtype
    DTYPE = "dtype" if tuple(int(x) for x in transformers.__version__.split(".")[:2]) >= (4, 56) else "torch_dtype"
    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    MISSING = None
except ImportError as e:  # Debian's torch 1.13 python has neither
    transformers = None
    DTYPE = "dtype"
    MISSING = f"transformers/PEFT not importable by {sys.executable} ({e}): install learner/requirements.txt"

# Token ids are small so they fall inside the tiny vocabulary; every other key is as shipped.
DIMS = {
    "vocab_size": 320,
    "hidden_size": 64,
    "intermediate_size": 160,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "max_position_embeddings": 512,
    "initializer_range": 0.2,
}  # a large init so RoPE and scaling errors show in the logits
LLAMA3 = {
    "factor": 8.0,
    "low_freq_factor": 1.0,
    "high_freq_factor": 4.0,
    "original_max_position_embeddings": 64,
    "rope_type": "llama3",
}  # a short original context, so the scaling bites within 32 positions


def qwen25(tied: bool) -> dict:
    """Qwen2.5-0.5B/1.5B/3B are tied, 7B and larger untied; the key set of their config.json."""
    return {
        "architectures": ["Qwen2ForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 1,
        "eos_token_id": 2,
        "hidden_act": "silu",
        "max_window_layers": 21,
        "model_type": "qwen2",
        "rms_norm_eps": 1e-06,
        "rope_scaling": None,
        "rope_theta": 1000000.0,
        "sliding_window": 32768,
        "tie_word_embeddings": tied,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.43.1",
        "use_cache": True,
        "use_sliding_window": False,
        **DIMS,
    }


def qwen3() -> dict:
    return {
        "architectures": ["Qwen3ForCausalLM"],
        "attention_bias": False,
        "attention_dropout": 0.0,
        "bos_token_id": 1,
        "eos_token_id": 2,
        "head_dim": 16,
        "hidden_act": "silu",
        "max_window_layers": 28,
        "model_type": "qwen3",
        "rms_norm_eps": 1e-06,
        "rope_scaling": None,
        "rope_theta": 1000000,
        "sliding_window": None,
        "tie_word_embeddings": True,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.51.0",
        "use_cache": True,
        "use_sliding_window": False,
        **DIMS,
    }


def llama3(tied: bool, factor: float) -> dict:
    """Llama 3.1-8B (untied, factor 8) and 3.2-1B (tied, factor 32)."""
    return {
        "architectures": ["LlamaForCausalLM"],
        "attention_bias": False,
        "attention_dropout": 0.0,
        "bos_token_id": 1,
        "eos_token_id": 2,
        "head_dim": 16,
        "hidden_act": "silu",
        "mlp_bias": False,
        "model_type": "llama",
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": dict(LLAMA3, factor=factor),
        "rope_theta": 500000.0,
        "tie_word_embeddings": tied,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.45.0.dev0",
        "use_cache": True,
        **DIMS,
    }


SHAPES = {
    "qwen2.5-tied": lambda: qwen25(True),
    "qwen2.5-untied": lambda: qwen25(False),
    "qwen3": qwen3,
    "llama3.1": lambda: llama3(False, 8.0),
    "llama3.2": lambda: llama3(True, 32.0),
}


def reference(name: str, seed: int = 0):
    """(transformers model in fp32, eval mode; Hub-layout folder; transformers-5-layout folder), same weights."""
    hub = os.path.join(temp_dir(), name + "-hub")
    os.makedirs(hub)
    with open(os.path.join(hub, "config.json"), "w") as f:
        json.dump(SHAPES[name](), f)
    config = transformers.AutoConfig.from_pretrained(hub)
    torch.manual_seed(seed)
    model = transformers.AutoModelForCausalLM.from_config(config, **{DTYPE: torch.float32}).eval()
    native = os.path.join(temp_dir(), name + "-t5")
    model.save_pretrained(native)
    shutil.copyfile(os.path.join(native, "model.safetensors"), os.path.join(hub, "model.safetensors"))
    return model, hub, native


def batch(seed: int = 1, length: int = 32, short: int = 21, vocab: int = 320):
    """Two rows, the second shorter: tokens (2, length) and a 0/1 mask of real tokens."""
    g = torch.Generator().manual_seed(seed)
    tokens = torch.randint(0, vocab, (2, length), generator=g)
    mask = torch.ones(2, length, dtype=torch.long)
    mask[1, short:] = 0
    tokens[1, short:] = 0
    return tokens, mask


def left_padded(tokens: torch.Tensor, mask: torch.Tensor):
    """The same rows moved to the right end: (tokens, mask, pad per row)."""
    out, out_mask = torch.zeros_like(tokens), torch.zeros_like(mask)
    pads = []
    for i in range(tokens.shape[0]):
        n = int(mask[i].sum())
        out[i, tokens.shape[1] - n :] = tokens[i, :n]
        out_mask[i, tokens.shape[1] - n :] = 1
        pads.append(tokens.shape[1] - n)
    return out, out_mask, torch.tensor(pads)


def relative(a: torch.Tensor, b: torch.Tensor) -> float:
    return float((a - b).norm() / b.norm().clamp(min=1e-12))
