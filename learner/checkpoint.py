"""Training checkpoints: the parameters plus, when asked, the optimizer state, in one folder written
atomically (a temp folder renamed into place).

A model without LoRA keeps every parameter. A LoRA model keeps only what trains (its adapters, and
its value head if it has one): the frozen base is the model its meta's base_model names, so writing
it at every save would copy the whole base each time (28 GB for a 14B model in bf16). Such a
checkpoint loads only into a model created from that same base; meta.json says `"base_omitted": true`.

Layout: <folder>/weights.safetensors, optimizer.pt (optional), meta.json.
"""
import json
import os
import shutil

import torch

from .lora import has_lora
from .safetensors_io import load_file, save_file


def trained_names(model) -> set:
    """Names of the parameters that train (requires_grad)."""
    return {name for name, p in model.named_parameters() if p.requires_grad}


def same_base(a, b) -> bool:
    """Whether two base_model values name the same model ('tiny', or a folder however it is written)."""
    if a == b:
        return True
    if not isinstance(a, str) or not isinstance(b, str) or not os.path.exists(a) or not os.path.exists(b):
        return False
    return os.path.realpath(a) == os.path.realpath(b)


def save(trainable, folder: str, meta: dict, with_optimizer: bool = True) -> str:
    tmp = folder.rstrip("/") + f".tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    state = {k: v.detach() for k, v in trainable.model.state_dict().items()}
    base_omitted = has_lora(trainable.model)
    if base_omitted:
        keep = trained_names(trainable.model)
        state = {k: v for k, v in state.items() if k in keep}
        meta = dict(meta, base_omitted=True)
    save_file(state, os.path.join(tmp, "weights.safetensors"))
    if with_optimizer and trainable.optimizer is not None:
        torch.save(trainable.optimizer.state_dict(), os.path.join(tmp, "optimizer.pt"))
    with open(os.path.join(tmp, "meta.json"), "w") as f:
        json.dump(dict(meta, steps=trainable.steps), f, indent=2)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    return folder


def read_meta(folder: str) -> dict:
    path = os.path.join(folder, "meta.json")
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{folder} is not a checkpoint written by save_weights (meta.json is missing)")
    with open(path) as f:
        return json.load(f)


def load(trainable, folder: str, with_optimizer: bool) -> None:
    """Load weights (and optimizer state) saved by `save` into a model of the same shape."""
    meta = read_meta(folder)
    state = load_file(os.path.join(folder, "weights.safetensors"))
    if any(k.startswith("value_head.") for k in state):
        trainable.model.add_value_head()
    own = trainable.model.state_dict()
    base_omitted = bool(meta.get("base_omitted"))
    if base_omitted and not same_base(meta.get("base_model"), trainable.info.get("base_model")):
        raise ValueError(
            f"checkpoint {folder} holds LoRA adapters trained on base model {meta.get('base_model')}, and this "
            f"model was created from {trainable.info.get('base_model')}: create it from that base model"
        )
    wrong = [k for k in state if k not in own or own[k].shape != state[k].shape]
    # Without its base, the checkpoint supplies what trains; the rest stays as the base model loaded it.
    needed = trained_names(trainable.model) if base_omitted else own.keys()
    missing = [k for k in own if k in needed and k not in state]
    if wrong or missing:
        raise ValueError(
            f"checkpoint {folder} does not fit this model (mismatched {wrong[:4]}, missing {missing[:4]}): "
            "load it into a model created from the same base model and LoRA config"
        )
    trainable.model.load_state_dict({k: v.to(own[k].dtype) for k, v in state.items()}, strict=not base_omitted)
    trainable.steps = int(meta.get("steps", 0))
    optimizer_file = os.path.join(folder, "optimizer.pt")
    if with_optimizer:
        if not os.path.isfile(optimizer_file):
            raise ValueError(f"checkpoint {folder} has no optimizer state: load with optimizer false")
        from .optim import make_optimizer

        trainable.optimizer = make_optimizer([p for p in trainable.model.parameters() if p.requires_grad])
        trainable.optimizer.load_state_dict(torch.load(optimizer_file, map_location=trainable.device))
