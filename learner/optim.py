"""The optimizer step: Adam with decoupled weight decay (AdamW, Loshchilov & Hutter 2019) and a
global gradient-norm clip. Hyperparameters arrive with each step (Tinker's AdamParams), so a
schedule lives in the caller.
"""
from dataclasses import dataclass
from typing import Dict, List

import torch


@dataclass
class AdamParams:
    learning_rate: float  # required: a step without one is a caller's bug (wire_types.parse_adam_params)
    beta1: float = 0.9
    beta2: float = 0.95
    eps: float = 1e-12
    weight_decay: float = 0.0
    grad_clip_norm: float = 0.0  # 0 = no clipping


def make_optimizer(params: List[torch.nn.Parameter]) -> torch.optim.Optimizer:
    # lr here is a placeholder torch requires: step() sets every group's hyperparameters from the
    # request's AdamParams before each update, so no step ever runs with it.
    return torch.optim.AdamW(params, lr=0.0, betas=(0.9, 0.95), eps=1e-12, weight_decay=0.0)


def step(optimizer: torch.optim.Optimizer, adam: AdamParams) -> Dict[str, float]:
    """Clip the global grad norm when asked, apply one AdamW update, zero the gradients."""
    params = [p for group in optimizer.param_groups for p in group["params"] if p.grad is not None]
    if not params:
        raise ValueError("optim_step without gradients: call forward_backward first")
    norm = torch.norm(torch.stack([p.grad.detach().float().norm() for p in params]))
    if adam.grad_clip_norm > 0:
        torch.nn.utils.clip_grad_norm_(params, adam.grad_clip_norm)
    for group in optimizer.param_groups:
        group.update(
            lr=adam.learning_rate, betas=(adam.beta1, adam.beta2), eps=adam.eps, weight_decay=adam.weight_decay
        )
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return {"grad_norm": float(norm), "learning_rate": adam.learning_rate}
