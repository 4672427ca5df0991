"""Small models and folders shared by the learner tests."""
import atexit
import json
import os
import shutil
import tempfile
import threading
import unittest
from http.server import ThreadingHTTPServer

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


class ServedLearner(unittest.TestCase):
    """A test case whose class shares one learner Service behind a real HTTP server on a free port,
    with API key "secret"; `url` ends in /api/v1/. Subclasses set `max_body` (bytes) as they need."""

    max_body = 1 << 20

    @classmethod
    def setUpClass(cls):
        from learner.server import make_handler
        from learner.service import Service

        cls.service = Service(temp_dir(), torch.device("cpu"))
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(cls.service, "secret", cls.max_body))
        cls.server.daemon_threads = True
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.url = f"http://127.0.0.1:{cls.server.server_address[1]}/api/v1/"

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
