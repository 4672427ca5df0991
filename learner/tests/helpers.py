"""Small models and folders shared by the learner tests."""
import atexit
import json
import os
import shutil
import tempfile

import torch

from learner.model import CausalLM, ModelConfig, init_weights


def small_config(architecture: str = "qwen2", **overrides) -> ModelConfig:
    base = dict(
        architecture=architecture,
        vocab_size=259,
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=16,
        rope_theta=10000.0,
        tie_word_embeddings=True,
    )
    base.update(overrides)
    return ModelConfig(**base)


def small_model(architecture: str = "qwen2", seed: int = 0, **overrides) -> CausalLM:
    torch.manual_seed(seed)
    model = CausalLM(small_config(architecture, **overrides))
    init_weights(model, seed)
    return model


ROOT = tempfile.mkdtemp(prefix="learner-tests-")
atexit.register(shutil.rmtree, ROOT, True)


def temp_dir() -> str:
    return tempfile.mkdtemp(dir=ROOT)


def read_json(path: str):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_folder(model: CausalLM, folder: str = None) -> str:
    """A Hugging Face folder holding `model` and the tiny byte-level tokenizer."""
    from learner.hf import save_model
    from learner.tiny import write_tiny

    tokenizer_dir = os.path.join(temp_dir(), "tok")
    write_tiny(tokenizer_dir)
    return save_model(model, folder or os.path.join(temp_dir(), "model"), tokenizer_from=tokenizer_dir)
