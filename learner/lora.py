"""LoRA: W x + (alpha / r) * B A x on chosen linear layers, with the base weights frozen, and a
merge (W + (alpha / r) B A) for export so the saved folder is a plain model. The adapters alone are
written and read in PEFT's folder layout, which inference servers (vLLM) load at runtime.
"""
import json
import math
import os
import re
import shutil
from typing import Dict, Iterable

import torch
import torch.nn as nn
import torch.nn.functional as F

ATTENTION = ("q_proj", "k_proj", "v_proj", "o_proj")
MLP = ("gate_proj", "up_proj", "down_proj")


class LoRALinear(nn.Linear):
    """An nn.Linear (same parameter names, so checkpoints still map) plus lora_A (r, in), lora_B (out, r).

    The base weight is shared, not copied (a 7B model has no room for two). The adapters are float32
    whatever the base holds: under bf16 autocast they compute in bf16 but keep float32 master values,
    so small Adam updates are not rounded away."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float, generator: torch.Generator):
        super().__init__(base.in_features, base.out_features, bias=base.bias is not None, device="meta")
        self.weight = base.weight
        self.bias = base.bias
        self.weight.requires_grad_(False)
        if self.bias is not None:
            self.bias.requires_grad_(False)
        self.scale = alpha / rank
        # A ~ kaiming-uniform, B = 0: the adapter starts as the identity change (Hu et al., 2021).
        bound = 1.0 / math.sqrt(base.in_features)
        a = (torch.rand(rank, base.in_features, generator=generator) * 2 - 1) * bound
        device = self.weight.device
        self.lora_A = nn.Parameter(a.to(device, torch.float32))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, rank, device=device, dtype=torch.float32))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x, self.weight, self.bias) + F.linear(F.linear(x, self.lora_A), self.lora_B) * self.scale

    def merged_weight(self) -> torch.Tensor:
        delta = (self.lora_B @ self.lora_A) * self.scale  # (out, in), float32
        return (self.weight.float() + delta).to(self.weight.dtype)


def target_names(train_attn: bool = True, train_mlp: bool = True, target_modules: Iterable[str] = None) -> tuple:
    if target_modules:
        return tuple(target_modules)
    return (ATTENTION if train_attn else ()) + (MLP if train_mlp else ())


def apply_lora(model: nn.Module, rank: int, alpha: float, targets: Iterable[str], seed: int = 0) -> int:
    """Replace every linear whose last name is in `targets` by a LoRALinear and freeze the rest.

    Returns the number of adapted layers; raises when `targets` matches none.
    """
    if rank <= 0:
        raise ValueError(f"lora rank must be positive, got {rank}")
    targets = set(targets)
    generator = torch.Generator().manual_seed(seed)
    for p in model.parameters():
        p.requires_grad_(False)
    count = 0
    for parent in list(model.modules()):
        for name, child in list(parent.named_children()):
            if name in targets and type(child) is nn.Linear:
                setattr(parent, name, LoRALinear(child, rank, alpha, generator))
                count += 1
    if count == 0:
        raise ValueError(f"lora target modules {sorted(targets)} match no linear layer")
    return count


def merged_state(model: nn.Module) -> Dict[str, torch.Tensor]:
    """The state dict with every adapter folded into its base weight and the lora_* keys dropped."""
    state = {k: v for k, v in model.state_dict().items() if ".lora_" not in k}
    for name, module in model.named_modules():
        if isinstance(module, LoRALinear):
            state[f"{name}.weight"] = module.merged_weight().detach()
    return state


def save_adapter(model: nn.Module, folder: str, base_model: str) -> str:
    """Write the adapters alone as a PEFT LoRA folder (adapter_config.json, adapter_model.safetensors),
    atomically. Keys are `base_model.model.<module>.lora_A.weight` (r, in) and `.lora_B.weight` (out, r)."""
    from .safetensors_io import save_file

    layers = [(name, m) for name, m in model.named_modules() if isinstance(m, LoRALinear)]
    if not layers:
        raise ValueError("the model has no LoRA adapters to save")
    rank = int(layers[0][1].lora_A.shape[0])
    state = {}
    for name, m in layers:
        state[f"base_model.model.{name}.lora_A.weight"] = m.lora_A.detach().float().cpu().contiguous()
        state[f"base_model.model.{name}.lora_B.weight"] = m.lora_B.detach().float().cpu().contiguous()
    config = {
        "peft_type": "LORA",
        "task_type": "CAUSAL_LM",
        "base_model_name_or_path": base_model,
        "r": rank,
        "lora_alpha": layers[0][1].scale * rank,
        "lora_dropout": 0.0,
        "bias": "none",
        "fan_in_fan_out": False,
        "target_modules": sorted({name.rsplit(".", 1)[-1] for name, _ in layers}),
    }
    tmp = folder.rstrip("/") + f".tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    with open(os.path.join(tmp, "adapter_config.json"), "w") as f:
        json.dump(config, f, indent=2)
    save_file(state, os.path.join(tmp, "adapter_model.safetensors"))
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    return folder


# PEFT adapter_config.json keys whose non-default value changes the maths in a way not implemented here.
ADAPTER_NEUTRAL = {
    "use_dora": False,
    "bias": "none",
    "fan_in_fan_out": False,
    "modules_to_save": None,
    "rank_pattern": {},
    "alpha_pattern": {},
    "layers_to_transform": None,
    "lora_bias": False,
    "layer_replication": None,
}
ADAPTER_KEY = re.compile(r"base_model\.model\.(.+)\.lora_([AB])\.weight")


def load_adapter(model: nn.Module, folder: str) -> dict:
    """Add the adapters of a PEFT LoRA folder to `model` (its base) and freeze the rest; returns the
    adapter config. Keys, shapes and scaling (lora_alpha / r, or / sqrt(r) with use_rslora) follow PEFT."""
    from .config import ConfigError
    from .safetensors_io import load_file

    path = os.path.join(folder, "adapter_config.json")
    weights = os.path.join(folder, "adapter_model.safetensors")
    if not os.path.isfile(path) or not os.path.isfile(weights):
        raise FileNotFoundError(
            f"{folder} is not a PEFT adapter folder: adapter_config.json or " "adapter_model.safetensors is missing"
        )
    with open(path) as f:
        config = json.load(f)
    if config.get("peft_type", "LORA") != "LORA":
        raise ConfigError(f"{path}: peft_type {config.get('peft_type')} is not supported: only LORA adapters load")
    for key, neutral in ADAPTER_NEUTRAL.items():
        if config.get(key, neutral) not in (neutral, None, [], {}):
            raise ConfigError(
                f"{path}: {key}={config[key]!r} is not supported by the learner: " "use a plain LoRA adapter"
            )
    pairs: Dict[str, Dict[str, torch.Tensor]] = {}
    for key, tensor in load_file(weights).items():
        match = ADAPTER_KEY.fullmatch(key)
        if not match:
            raise ConfigError(f"{weights}: tensor {key} is not a LoRA A/B weight: only plain LoRA adapters load")
        pairs.setdefault(match.group(1), {})[match.group(2)] = tensor
    modules = dict(model.named_modules())
    for p in model.parameters():
        p.requires_grad_(False)
    generator = torch.Generator().manual_seed(0)
    alpha = float(config.get("lora_alpha", config["r"]))
    for name, ab in sorted(pairs.items()):
        base = modules.get(name)
        if type(base) is not nn.Linear or set(ab) != {"A", "B"}:
            raise ConfigError(
                f"{weights}: adapter for {name} does not fit this model " "(no such linear layer, or A/B missing)"
            )
        rank = ab["A"].shape[0]
        layer = LoRALinear(base, rank, alpha, generator)
        if config.get("use_rslora"):
            layer.scale = alpha / math.sqrt(rank)
        with torch.no_grad():
            layer.lora_A.copy_(ab["A"])
            layer.lora_B.copy_(ab["B"])
        parent, _, child = name.rpartition(".")
        setattr(modules[parent] if parent else model, child, layer)
    return config


def has_lora(model: nn.Module) -> bool:
    return any(isinstance(m, LoRALinear) for m in model.modules())
