"""One trainable model: forward / forward_backward over a list of datums in bounded micro-batches,
the optimizer, and an optional frozen reference for the KL term.

Legend: B datums in a micro-batch, L padded length, V vocabulary.
"""
import contextlib
import copy
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import torch

from . import losses, optim
from .token_logprobs import entropies, output_weight, target_logprobs
from .lora import LoRALinear, has_lora
from .model import CausalLM

LOSSES = ("cross_entropy", "importance_sampling", "ppo")


@dataclass
class Datum:
    tokens: List[int]
    inputs: Dict[str, torch.Tensor]  # each (T,), T = len(tokens)


@dataclass
class Trainable:
    model: CausalLM
    folder: Optional[str]  # where the tokenizer files live
    device: torch.device
    reference: Optional[CausalLM] = None  # a frozen copy, for low_var_kl on full fine-tuning
    optimizer: Optional[torch.optim.Optimizer] = None
    max_tokens_per_microbatch: int = 8192
    steps: int = 0
    info: dict = field(default_factory=dict)

    def autocast(self):
        """bf16 autocast on GPU (fp32 master weights); plain fp32 on CPU."""
        if self.device.type == "cuda":
            return torch.autocast(device_type="cuda", dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def keep_reference(self) -> None:
        """A frozen copy for the KL term, in bf16 on GPU (it is only read, in bf16 autocast anyway);
        a LoRA model needs none (its base, adapters off, is the reference)."""
        if has_lora(self.model) or self.reference is not None:
            return
        dtype = torch.bfloat16 if self.device.type == "cuda" else torch.float32
        state = {
            k: v.detach().to(dtype, copy=True)
            for k, v in self.model.state_dict().items()
            if not k.startswith("value_head.")
        }
        if hasattr(torch, "get_default_device"):  # torch >= 2.3: build empty, then take the converted tensors
            with torch.device("meta"):
                self.reference = CausalLM(self.model.config)
            self.reference.load_state_dict(state, assign=True)
        else:
            self.reference = copy.deepcopy(self.model).to(dtype)
        self.reference.eval()
        for p in self.reference.parameters():
            p.requires_grad_(False)

    def optim_step(self, adam: optim.AdamParams) -> Dict[str, float]:
        if self.optimizer is None:
            self.optimizer = optim.make_optimizer([p for p in self.model.parameters() if p.requires_grad])
        metrics = optim.step(self.optimizer, adam)
        self.steps += 1
        return metrics


def microbatches(data: List[Datum], max_tokens: int) -> List[List[int]]:
    """Groups of datum indices whose padded size (count x longest) stays within max_tokens. Data go
    in order of length, so rows of a micro-batch are alike and little of it is padding."""
    groups, current, longest = [], [], 0
    for i in sorted(range(len(data)), key=lambda i: len(data[i].tokens)):
        n = len(data[i].tokens)
        if current and (len(current) + 1) * max(longest, n) > max_tokens:
            groups.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, n)
    if current:
        groups.append(current)
    return groups


def pad(rows: List[torch.Tensor], length: int, device) -> torch.Tensor:
    out = torch.zeros((len(rows), length), dtype=rows[0].dtype)
    for i, r in enumerate(rows):
        out[i, : r.shape[0]] = r
    return out.to(device)


@contextlib.contextmanager
def adapters_off(model: CausalLM):
    """The LoRA model with every adapter scaled to zero: the frozen base, for free."""
    layers = [m for m in model.modules() if isinstance(m, LoRALinear)]
    scales = [m.scale for m in layers]
    for m in layers:
        m.scale = 0.0
    try:
        yield model
    finally:
        for m, s in zip(layers, scales):
            m.scale = s


def run(t: Trainable, data: List[Datum], loss_fn: str, config: Dict[str, float], backward: bool) -> dict:
    """Forward (and backward, accumulating gradients) over `data`; Tinker's ForwardBackwardOutput."""
    if loss_fn not in LOSSES:
        raise ValueError(f"unknown loss_fn '{loss_fn}': use one of {', '.join(LOSSES)}")
    outputs: List[Optional[dict]] = [None] * len(data)
    sums: Dict[str, float] = {"loss:sum": 0.0}
    weight_total = 0.0
    t.model.train(backward)
    for group in microbatches(data, t.max_tokens_per_microbatch):
        with torch.set_grad_enabled(backward):
            loss, parts, metric_sums, weight_sum = microbatch_loss(t, [data[i] for i in group], loss_fn, config)
            if backward:
                loss.backward()
        weight_total += weight_sum
        for k, v in metric_sums.items():
            sums[k] = sums.get(k, 0.0) + v
        for row, i in enumerate(group):
            n = len(data[i].tokens)
            outputs[i] = {k: v[row, :n].detach().float().cpu() for k, v in parts.items()}
    # Every key ends in its reduction (Tinker's convention): the SDK sums or averages chunked requests' metrics by it.
    metrics = {"loss:sum": sums.pop("loss:sum"), "tokens:sum": float(sum(len(d.tokens) for d in data))}
    for k, v in sums.items():  # weighted means over positions with nonzero weight
        metrics[k.replace(":sum", ":mean")] = v / max(weight_total, 1.0)
    return {"loss_fn_output_type": "ArrayRecord", "loss_fn_outputs": outputs, "metrics": metrics}


def sampling_temperature(config: Dict[str, float]) -> float:
    """loss_fn_config.temperature (extension `temperature`, default 1): the rollouts' sampling temperature.
    Log-probs (and entropy, and the KL reference) are then those of softmax(logits / T), the distribution
    the sampler drew from and whose log-probs it returned, so the ratio's old and new policies agree."""
    temperature = float(config.get("temperature", 1.0))
    if not temperature > 0:
        raise ValueError(
            f"loss_fn_config.temperature must be positive, got {temperature}: use the rollouts' temperature"
        )
    return temperature


def tempered(h: torch.Tensor, temperature: float) -> torch.Tensor:
    """Hidden states scaled so that the unembedding gives logits / T (h / T is smaller than W / T)."""
    return h if temperature == 1.0 else h / temperature


def microbatch_loss(t: Trainable, batch: List[Datum], loss_fn: str, config: Dict[str, float]):
    length = max(len(d.tokens) for d in batch)
    dev = t.device
    tokens = pad([torch.tensor(d.tokens, dtype=torch.long) for d in batch], length, dev)  # (B, L)
    col = lambda key, default=None: pad(
        [d.inputs.get(key, default if default is not None else torch.zeros(len(d.tokens))) for d in batch], length, dev
    )
    if any("target_tokens" not in d.inputs for d in batch):
        raise ValueError("every datum needs loss_fn_inputs.target_tokens (the next token at each position)")
    targets = col("target_tokens").long()  # (B, L)
    # Positions past a datum's end are padding: weight 0. Missing weights mean 1 everywhere.
    w = pad([d.inputs.get("weights", torch.ones(len(d.tokens))).float() for d in batch], length, dev)  # (B, L)
    v = t.model.config.vocab_size
    if int(targets.max()) >= v or int(targets.min()) < 0:
        raise ValueError(f"target_tokens out of range: the vocabulary has {v} tokens")
    temperature = sampling_temperature(config)
    with t.autocast():
        h = t.model.hidden(tokens)  # (B, L, D)
        lp = target_logprobs(tempered(h, temperature), output_weight(t.model), targets)  # (B, L), float32, chunked
    sums: Dict[str, float] = {}
    if loss_fn == "cross_entropy":
        elementwise, _ = losses.cross_entropy(lp, w)
    else:
        for key in ("logprobs", "advantages"):
            if any(key not in d.inputs for d in batch):
                raise ValueError(f"loss_fn {loss_fn} needs loss_fn_inputs.{key} on every datum")
        old, adv = col("logprobs").float(), col("advantages").float()
        if loss_fn == "importance_sampling":
            elementwise, m = losses.importance_sampling(lp, old, adv, w)
        else:
            elementwise, m = losses.ppo(
                lp,
                old,
                adv,
                w,
                config.get("clip_low_threshold", 0.8),
                config.get("clip_high_threshold", 1.2),
                float(config.get("dual_clip", 0.0)),
            )
        sums.update(m)
    parts = {"logprobs": lp}
    elementwise = elementwise + extensions(t, batch, tokens, targets, h, lp, w, config, parts, sums, col)
    if config.get("compute_entropy", 1.0 if loss_fn != "cross_entropy" else 0.0):
        with t.autocast():
            sums["entropy:sum"] = float(
                (entropies(tempered(h.detach(), temperature), output_weight(t.model).detach()) * (w != 0)).sum()
            )
    parts["elementwise_loss"] = elementwise
    loss = elementwise.sum()
    sums["loss:sum"] = float(loss.detach())
    return loss, parts, sums, float((w != 0).sum())


def extensions(t: Trainable, batch: List[Datum], tokens, targets, h, lp, w, config, parts, sums, col) -> torch.Tensor:
    """Extra loss terms beyond Tinker: low_var_kl against the frozen reference, the value loss."""
    extra = torch.zeros_like(lp)
    kl_coef = float(config.get("kl_coef", 0.0))
    if kl_coef > 0:
        temperature = sampling_temperature(config)  # the reference at the policy's temperature, as verl does
        with torch.no_grad(), t.autocast():
            if has_lora(t.model):
                with adapters_off(t.model):
                    ref = target_logprobs(
                        tempered(t.model.hidden(tokens), temperature), output_weight(t.model), targets
                    )
            elif t.reference is not None:
                ref = target_logprobs(
                    tempered(t.reference.hidden(tokens), temperature), output_weight(t.reference), targets
                )
            else:
                raise ValueError(
                    "kl_coef needs a reference: create the model with a LoRA config or reference_model: true"
                )
        kl, m = losses.low_var_kl(lp, ref, w, kl_coef)
        extra = extra + kl
        sums.update(m)
    if t.model.value_head is not None:
        values = t.model.values(h)  # (B, L)
        parts["values"] = values
        value_coef = float(config.get("value_coef", 0.0))
        if value_coef > 0:
            if any("returns" not in d.inputs for d in batch):
                raise ValueError("value_coef > 0 needs loss_fn_inputs.returns on every datum")
            returns = col("returns").float()
            old_values = col("values").float() if all("values" in d.inputs for d in batch) else None
            vl, m = losses.value_loss(values, returns, w, value_coef, old_values, float(config.get("value_clip", 0.0)))
            extra = extra + vl
            sums.update(m)
    return extra
