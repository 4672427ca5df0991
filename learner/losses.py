"""Token-level losses, as pure functions. Each takes 1-D tensors over the same N positions and
returns (elementwise loss (N,), metric sums); the scalar loss is elementwise.sum(), as in Tinker
(sums, not means: the caller scales advantages or weights to normalise). A position with weight 0
contributes nothing, not even NaN, whatever its other inputs hold.

Legend: lp = log p_theta(target) now, old = log q(target) at sampling time, A = advantage,
w = weight (0/1 mask or a scale), ref = log p_ref(target) under a frozen reference.
"""
from typing import Dict, Tuple

import torch

Metrics = Dict[str, float]


def _masked(w: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    return torch.where(w != 0, w * x, torch.zeros_like(x))


def cross_entropy(lp: torch.Tensor, w: torch.Tensor) -> Tuple[torch.Tensor, Metrics]:
    """Supervised: loss_t = -w_t * lp_t."""
    return _masked(w, -lp), {}


def importance_sampling(lp, old, advantages, w) -> Tuple[torch.Tensor, Metrics]:
    """REINFORCE with importance weights: loss_t = -w_t * exp(lp_t - old_t) * A_t.

    The gradient is -w A (p/q) d lp: it raises lp where A > 0 and lowers it where A < 0.
    """
    ratio = torch.exp(lp - old)
    return _masked(w, -ratio * advantages), {"ratio:sum": float(_masked(w, ratio).sum())}


def ppo(
    lp, old, advantages, w, clip_low: float = 0.8, clip_high: float = 1.2, dual_clip: float = 0.0
) -> Tuple[torch.Tensor, Metrics]:
    """Clipped surrogate (Schulman et al., 2017), token-wise, thresholds on the ratio itself:
    loss_t = -w_t * min(r_t A_t, clip(r_t, clip_low, clip_high) A_t), r_t = exp(lp_t - old_t).
    clip_fraction counts positions where the clipped term is the one taken (its gradient is 0).
    With dual_clip = c > 1 (Ye et al., 2020; verl's clip_ratio_c), a negative advantage's loss is
    capped at -c A_t, so a ratio far above 1 cannot blow it up; dual_clip_fraction counts those.
    """
    ratio = torch.exp(lp - old)
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, clip_low, clip_high) * advantages
    objective = torch.min(unclipped, clipped)
    metrics = {"clip_fraction:sum": float(_masked((w != 0).float(), (clipped < unclipped).float()).sum())}
    if dual_clip > 0:
        floor = dual_clip * advantages
        capped = (advantages < 0) & (objective < floor)
        objective = torch.where(capped, floor, objective)
        metrics["dual_clip_fraction:sum"] = float(_masked((w != 0).float(), capped.float()).sum())
    return _masked(w, -objective), metrics


def low_var_kl(lp, ref, w, coefficient: float) -> Tuple[torch.Tensor, Metrics]:
    """KL(p_theta || p_ref) by the non-negative, low-variance k3 estimator (Schulman, 2020):
    kl_t = exp(ref_t - lp_t) - (ref_t - lp_t) - 1, clamped to [-10, 10] as in VeRL; loss_t = coef * w_t * kl_t.
    Its gradient pulls lp toward ref from either side.
    """
    log_ratio = torch.clamp(ref - lp, -20.0, 20.0)
    kl = torch.clamp(torch.exp(log_ratio) - log_ratio - 1.0, -10.0, 10.0)
    return _masked(w, coefficient * kl), {"kl:sum": float(_masked(w, kl).sum())}


def value_loss(
    values, returns, w, coefficient: float, old_values=None, clip: float = 0.0
) -> Tuple[torch.Tensor, Metrics]:
    """PPO's critic: loss_t = coef * w_t * 0.5 * (V_t - R_t)^2; with clip > 0 and old values, the
    pessimistic max with the clipped prediction old + clamp(V - old, -clip, clip).
    """
    squared = (values - returns) ** 2
    if clip > 0 and old_values is not None:
        clipped = old_values + torch.clamp(values - old_values, -clip, clip)
        squared = torch.max(squared, (clipped - returns) ** 2)
    return _masked(w, coefficient * 0.5 * squared), {"value_error:sum": float(_masked(w, squared.detach()).sum())}


def entropy(logits: torch.Tensor) -> torch.Tensor:
    """H_t = -sum_v p_v log p_v of each position's distribution; logits (..., V) -> (...)."""
    logp = torch.log_softmax(logits.float(), dim=-1)
    return -(logp.exp() * logp).sum(-1)
