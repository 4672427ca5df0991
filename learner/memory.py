"""A memory plan for training a model on one GPU: weights, trainable state, the KL reference,
activations and logits, estimated from config.json alone, and a refusal (one line) before loading
when the total exceeds the budget. The estimate is of torch's peak allocated bytes; the CUDA context
and allocator slack come on top (RESERVE).

    python -m learner.memory MODEL_DIR [--lora-rank R] [--seq 8192] [--micro-batch 1] [--kl]
        [--no-checkpointing] [--budget 80GiB]

Legend: P parameters, N tokens per micro-batch, L layers, D hidden, F MLP width, V vocabulary,
K key/value heads, Hd head dim, r LoRA rank.
"""
import argparse
import json
import os
import re
import sys
from dataclasses import asdict, dataclass
from typing import Optional

from .config import ModelConfig, config_from_hf

# Float32 logits elements per chunk of the chunked cross-entropy (token_logprobs.CHUNK_ELEMENTS,
# repeated here so that the plan runs without torch).
CHUNK_ELEMENTS = 1 << 27

GIB = 1 << 30
RESERVE = 1 * GIB  # CUDA context, cuBLAS workspaces, allocator fragmentation: not in torch's count
TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


class MemoryPlanError(ValueError):
    """The configuration will not fit; the message is one line saying by how much and what to change."""


@dataclass
class Plan:
    weights: int
    trainable_state: int  # gradients + AdamW moments (+ float32 adapters)
    reference: int
    activations: int
    logits: int
    reserve: int = RESERVE

    @property
    def total(self) -> int:
        return self.weights + self.trainable_state + self.reference + self.activations + self.logits + self.reserve

    def as_dict(self) -> dict:
        return dict(asdict(self), total=self.total)


def parameter_count(c: ModelConfig) -> int:
    d, f, h, k, hd = c.hidden_size, c.intermediate_size, c.num_attention_heads, c.num_key_value_heads, c.head_dim
    attention = d * h * hd * 2 + d * k * hd * 2 + (h * hd + 2 * k * hd if c.qkv_bias else 0) + (d if c.o_bias else 0)
    attention += 2 * hd if c.architecture == "qwen3" else 0
    layer = attention + 3 * d * f + 2 * d
    head = 0 if c.tie_word_embeddings else c.vocab_size * d
    return c.vocab_size * d + c.num_hidden_layers * layer + d + head


def lora_parameter_count(c: ModelConfig, rank: int, targets=TARGETS) -> int:
    d, f, h, k, hd = c.hidden_size, c.intermediate_size, c.num_attention_heads, c.num_key_value_heads, c.head_dim
    shapes = {
        "q_proj": (d, h * hd),
        "k_proj": (d, k * hd),
        "v_proj": (d, k * hd),
        "o_proj": (h * hd, d),
        "gate_proj": (d, f),
        "up_proj": (d, f),
        "down_proj": (f, d),
    }
    return c.num_hidden_layers * sum(rank * (i + o) for name, (i, o) in shapes.items() if name in targets)


def estimate(
    c: ModelConfig, lora_rank: Optional[int], tokens: int, checkpointing: bool = True, kl_reference: bool = False
) -> Plan:
    """Peak bytes of one training step on a GPU with bf16 autocast. Full fine-tuning keeps float32
    master weights, gradients and AdamW moments (16 B/param) and a bf16 KL reference (2 B/param);
    LoRA keeps the base in bf16 (2 B/param) and float32 adapters with their state (16 B/param)."""
    p = parameter_count(c)
    d, f, kv = c.hidden_size, c.intermediate_size, c.num_key_value_heads * c.head_dim
    residual = 2 if lora_rank else 4  # the residual stream is float32 when the weights are
    if lora_rank:
        weights, state, reference = 2 * p, 16 * lora_parameter_count(c, lora_rank), 0
    else:
        weights, state, reference = 4 * p, 12 * p, (2 * p if kl_reference else 0)
    # One layer's saved activations per token, bf16 under autocast: float32 norm inputs (2 x 4D),
    # projection inputs and q/k/v/attention outputs (~8D + 4 KV), gate/up/silu/product (4F), and
    # as much again for their gradients while the layer runs backward.
    per_layer = 2 * (8 * d + 4 * kv + 4 * f) + 8 * d + residual * d
    per_layer *= 2
    kept_layers = 1 if checkpointing else c.num_hidden_layers
    activations = tokens * (c.num_hidden_layers * residual * d * (1 if checkpointing else 0) + kept_layers * per_layer)
    # Chunked cross-entropy: bf16 logits, their float32 copy and the float32 softmax gradient of one chunk.
    chunk = min(tokens, max(1, CHUNK_ELEMENTS // c.vocab_size))
    logits = chunk * c.vocab_size * (2 + 4 + 4) + tokens * d * 4
    return Plan(weights, state, reference, activations, logits)


def parse_bytes(text: str) -> int:
    match = re.fullmatch(r"\s*([0-9.]+)\s*(|B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)\s*", text)
    if not match:
        raise ValueError(f"memory budget '{text}' is not a size: write e.g. 80GiB, 24GB or 1073741824")
    scale = {
        "": 1,
        "B": 1,
        "KiB": 1 << 10,
        "MiB": 1 << 20,
        "GiB": 1 << 30,
        "TiB": 1 << 40,
        "KB": 10**3,
        "MB": 10**6,
        "GB": 10**9,
        "TB": 10**12,
    }[match.group(2)]
    return int(float(match.group(1)) * scale)


def check(plan: Plan, budget: int, what: str) -> None:
    """Raise MemoryPlanError (one line) when the plan exceeds the budget."""
    if plan.total <= budget:
        return
    parts = ", ".join(f"{k} {v / GIB:.1f}" for k, v in plan.as_dict().items() if k != "total")
    raise MemoryPlanError(
        f"{what} needs about {plan.total / GIB:.1f} GiB but {budget / GIB:.1f} GiB is available "
        f"({parts} GiB): use LoRA or a lower rank, fewer tokens per micro-batch, or a smaller model"
    )


def budget_from_env(device) -> Optional[int]:
    """R1CI_LEARNER_MEMORY_BUDGET when set (any device), else the GPU's total memory; None on CPU."""
    text = os.environ.get("R1CI_LEARNER_MEMORY_BUDGET")
    if text:
        return parse_bytes(text)
    if getattr(device, "type", str(device)) == "cuda":
        import torch

        return int(torch.cuda.get_device_properties(device).total_memory)
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m learner.memory", description="Memory plan of a training step.")
    parser.add_argument("model")
    parser.add_argument("--lora-rank", type=int, default=0)
    parser.add_argument("--seq", type=int, default=8192)
    parser.add_argument("--micro-batch", type=int, default=1)
    parser.add_argument("--kl", action="store_true", help="full fine-tuning keeps a KL reference copy")
    parser.add_argument("--no-checkpointing", action="store_true")
    parser.add_argument("--budget", help="bytes available, e.g. 80GiB (default: the GPU's, if any)")
    args = parser.parse_args(argv)
    try:
        path = os.path.join(args.model, "config.json")
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{args.model} is not a Hugging Face model folder: config.json is missing")
        with open(path) as f:
            config = config_from_hf(json.load(f))
        plan = estimate(config, args.lora_rank or None, args.seq * args.micro_batch, not args.no_checkpointing, args.kl)
        budget = parse_bytes(args.budget) if args.budget else None
        fits = budget is None or plan.total <= budget
        out = dict(plan.as_dict(), parameters=parameter_count(config), budget=budget, fits=fits)
        print(json.dumps(out))
        if budget is not None:
            mode = f"LoRA rank {args.lora_rank}" if args.lora_rank else "full"
            check(plan, budget, f"training {args.model} ({mode}, " f"{args.seq} x {args.micro_batch} tokens)")
    except MemoryPlanError as e:  # exit 3: it will not fit
        print(f"error: {e}", file=sys.stderr)
        return 3
    except (ValueError, FileNotFoundError) as e:  # exit 2: not a model folder the learner can read
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
