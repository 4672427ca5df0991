"""Hugging Face model folders: config.json + model.safetensors (or shards with an index) + tokenizer
files. What we save loads in transformers and vLLM; what they save loads here.
"""
import json
import os
import shutil
from typing import Dict

import torch

from .lora import load_adapter, merged_state
from .model import CausalLM, ModelConfig, config_from_hf, config_to_hf
from .safetensors_io import load_file, save_file

INDEX = "model.safetensors.index.json"
TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "generation_config.json",
    "special_tokens_map.json",
    "vocab.json",
    "merges.txt",
    "chat_template.jinja",
)


def read_config(folder: str) -> ModelConfig:
    path = os.path.join(folder, "config.json")
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{folder} is not a Hugging Face model folder: config.json is missing")
    with open(path) as f:
        return config_from_hf(json.load(f))


def read_state(folder: str) -> Dict[str, torch.Tensor]:
    """Every tensor of the folder, from model.safetensors or the shards its index names."""
    index = os.path.join(folder, INDEX)
    if os.path.isfile(index):
        with open(index) as f:
            files = sorted(set(json.load(f)["weight_map"].values()))
    elif os.path.isfile(os.path.join(folder, "model.safetensors")):
        files = ["model.safetensors"]
    else:
        raise FileNotFoundError(f"{folder} has no model.safetensors or {INDEX} (only the safetensors format is read)")
    state: Dict[str, torch.Tensor] = {}
    for name in files:
        state.update(load_file(os.path.join(folder, name)))
    return state


def adapter_base(folder: str) -> str:
    """The base model folder a PEFT adapter folder names (base_model_name_or_path, a local folder)."""
    with open(os.path.join(folder, "adapter_config.json")) as f:
        base = json.load(f).get("base_model_name_or_path") or ""
    if not os.path.isabs(base):
        base = os.path.join(folder, base) if base and os.path.isdir(os.path.join(folder, base)) else base
    if not os.path.isfile(os.path.join(base, "config.json")):
        raise FileNotFoundError(
            f"{folder}: adapter_config.json base_model_name_or_path '{base}' is not a local model "
            "folder: download the base model and write its path there"
        )
    return base


def is_adapter(folder: str) -> bool:
    has = lambda name: os.path.isfile(os.path.join(folder, name))  # noqa: E731
    return not has("config.json") and has("adapter_config.json")


def load_model(folder: str, device="cpu", dtype: torch.dtype = torch.float32) -> CausalLM:
    """The model of a Hugging Face folder with weights in `dtype`, or, for a PEFT adapter folder, its
    base model with the adapters added (trainable, float32)."""
    if is_adapter(folder):
        model = load_model(adapter_base(folder), device, dtype)
        load_adapter(model, folder)
        return model
    config = read_config(folder)
    state = read_state(folder)
    if config.tie_word_embeddings:
        state.pop("lm_head.weight", None)
    state = {k: v for k, v in state.items() if not k.endswith("rotary_emb.inv_freq")}
    if hasattr(torch, "get_default_device"):  # torch >= 2.3: no random init, no second copy of the weights
        with torch.device("meta"):
            model = CausalLM(config)
        check_names(folder, model, state)
        state = {k: v.to(device=device, dtype=dtype) for k, v in state.items()}
        model.load_state_dict(state, strict=True, assign=True)
        return model
    model = CausalLM(config)
    check_names(folder, model, state)
    model.load_state_dict({k: v.to(dtype) for k, v in state.items()}, strict=True)
    return model.to(device)


def check_names(folder: str, model: CausalLM, state: Dict[str, torch.Tensor]) -> None:
    own = dict(model.state_dict())
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    wrong = [k for k in own if k in state and tuple(own[k].shape) != tuple(state[k].shape)]
    if missing or unexpected or wrong:
        raise ValueError(
            f"{folder}: weights do not match config.json (missing {missing[:5]}, unexpected "
            f"{unexpected[:5]}, wrong shape {wrong[:5]})"
        )


def save_model(
    model: CausalLM,
    folder: str,
    tokenizer_from: str = None,
    max_shard_bytes: int = 2 << 30,
    dtype: torch.dtype = torch.float32,
) -> str:
    """Write `model` as a Hugging Face folder, atomically (a temp folder renamed into place).

    LoRA adapters are merged into their base weights. The value head (our extension) is not part of
    the Hugging Face format and is not written here.
    """
    tmp = folder.rstrip("/") + f".tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    state = {k: v.detach().to(dtype) for k, v in merged_state(model).items() if not k.startswith("value_head.")}
    config = config_to_hf(model.config)
    config["torch_dtype"] = str(dtype).replace("torch.", "")
    with open(os.path.join(tmp, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    write_shards(state, tmp, max_shard_bytes)
    if tokenizer_from:
        for name in TOKENIZER_FILES:
            if os.path.isfile(os.path.join(tokenizer_from, name)):
                shutil.copyfile(os.path.join(tokenizer_from, name), os.path.join(tmp, name))
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    return folder


def write_shards(state: Dict[str, torch.Tensor], folder: str, max_shard_bytes: int) -> None:
    total = sum(t.numel() * t.element_size() for t in state.values())
    if total <= max_shard_bytes:
        save_file(state, os.path.join(folder, "model.safetensors"))
        return
    shards, current, size = [], {}, 0
    for name in sorted(state):
        nbytes = state[name].numel() * state[name].element_size()
        if current and size + nbytes > max_shard_bytes:
            shards.append(current)
            current, size = {}, 0
        current[name] = state[name]
        size += nbytes
    shards.append(current)
    weight_map = {}
    for i, shard in enumerate(shards):
        file = f"model-{i + 1:05d}-of-{len(shards):05d}.safetensors"
        save_file(shard, os.path.join(folder, file))
        weight_map.update({name: file for name in shard})
    with open(os.path.join(folder, INDEX), "w") as f:
        json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2)
