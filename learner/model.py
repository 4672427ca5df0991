"""Decoder-only transformers in plain torch: Qwen2/Qwen2.5, Qwen3 and Llama, with a KV cache.

Module and parameter names follow Hugging Face's, so a state dict maps one to one onto the
safetensors of a Hugging Face folder. Shape legend: B batch, T new tokens, S cached+new tokens,
D hidden size, H query heads, K key/value heads, Hd head dim, F MLP width, V vocabulary.
"""
import math
from typing import List, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

from .config import (
    ARCHITECTURES,
    ConfigError,
    ModelConfig,
    config_from_hf,
    config_to_hf,  # noqa: F401
    inverse_frequencies,
)


class RMSNorm(nn.Module):
    """y = x / sqrt(mean(x^2) + eps) * weight, computed in float32 (as Hugging Face does)."""

    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        dtype = x.dtype
        x = x.float()
        ms = x.pow(2).mean(-1, keepdim=True) + self.eps
        x = x / torch.sqrt(ms) if x.device.type == "cpu" else x * torch.rsqrt(ms)
        return self.weight * x.to(dtype)


class _SplitFreeSilu(torch.autograd.Function):
    """silu = x / (1 + exp(-x)) and its gradient g * s * (1 + x * (1 - s)), s = 1 / (1 + exp(-x)),
    written with exp, sums, products and quotients only. The clamp keeps exp finite, so a very
    negative input gets a tiny gradient, not inf * 0 = NaN."""

    @staticmethod
    def forward(ctx, x):
        d = torch.neg(x).clamp_(max=80.0).exp_().add_(1)
        ctx.save_for_backward(x, d)
        return x / d

    @staticmethod
    def backward(ctx, g):
        x, d = ctx.saved_tensors
        s = torch.reciprocal(d)
        return torch.rsub(s, 1).mul_(x).add_(1).mul_(s).mul_(g)


def silu(x: torch.Tensor) -> torch.Tensor:
    """x * sigmoid(x). On CPU torch computes sigmoid, silu and rsqrt in vector blocks with a scalar
    tail that rounds differently, and where the tail falls depends on how the elements are split
    across threads, so F.silu gave other floats on 2 threads than on 1. exp, reciprocal, sums,
    products and quotients round the same in both paths, so on CPU silu is written with them: within
    5e-7 of F.silu, and about 1% slower on a training step of the tiny preset (decision 0025)."""
    return F.silu(x) if x.device.type != "cpu" else _SplitFreeSilu.apply(x)


def rope_tables(head_dim: int, theta: float, positions: torch.Tensor, scaling: Optional[dict] = None):
    """cos/sin of shape (*positions.shape, Hd) for rotary embeddings in the 'rotate half' layout."""
    inv_freq = inverse_frequencies(head_dim, theta, scaling, positions.device)
    freqs = positions.float()[..., None] * inv_freq  # (..., T, Hd/2)
    angles = torch.cat([freqs, freqs], dim=-1)  # (..., T, Hd)
    return angles.cos(), angles.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """x: (B, heads, T, Hd); rotates pairs (i, i + Hd/2) by the position's angle."""
    half = x.shape[-1] // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return (x * cos + rotated * sin).to(x.dtype)


class KVCache:
    """Preallocated keys/values per layer: (B, K, max_len, Hd); `length` tokens are filled."""

    def __init__(self, config: ModelConfig, batch: int, max_len: int, device, dtype):
        shape = (batch, config.num_key_value_heads, max_len, config.head_dim)
        self.keys = [torch.zeros(shape, device=device, dtype=dtype) for _ in range(config.num_hidden_layers)]
        self.values = [torch.zeros(shape, device=device, dtype=dtype) for _ in range(config.num_hidden_layers)]
        self.length = 0

    def keep(self, rows: torch.Tensor, drop_front: int = 0) -> None:
        """Keeps these batch rows, in this order (a batch drops its finished sequences; a row may
        repeat, so rows with one prompt share its prefill), and drops the first `drop_front` slots
        (padding in every kept row)."""
        self.keys = [k[:, :, drop_front:].index_select(0, rows) for k in self.keys]
        self.values = [v[:, :, drop_front:].index_select(0, rows) for v in self.values]
        self.length -= drop_front


class Attention(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        h, k, hd, d = config.num_attention_heads, config.num_key_value_heads, config.head_dim, config.hidden_size
        self.q_proj = nn.Linear(d, h * hd, bias=config.qkv_bias)
        self.k_proj = nn.Linear(d, k * hd, bias=config.qkv_bias)
        self.v_proj = nn.Linear(d, k * hd, bias=config.qkv_bias)
        self.o_proj = nn.Linear(h * hd, d, bias=config.o_bias)
        if config.architecture == "qwen3":  # Qwen3 normalises each head's q and k before RoPE
            self.q_norm = RMSNorm(hd, config.rms_norm_eps)
            self.k_norm = RMSNorm(hd, config.rms_norm_eps)

    def forward(self, x, cos, sin, cache: Optional[KVCache], layer: int, key_mask: Optional[torch.Tensor] = None):
        c = self.config
        b, t, _ = x.shape
        q = self.q_proj(x).view(b, t, c.num_attention_heads, c.head_dim)  # (B, T, H, Hd)
        k = self.k_proj(x).view(b, t, c.num_key_value_heads, c.head_dim)  # (B, T, K, Hd)
        v = self.v_proj(x).view(b, t, c.num_key_value_heads, c.head_dim)
        if c.architecture == "qwen3":
            q, k = self.q_norm(q), self.k_norm(k)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)  # (B, heads, T, Hd)
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        start = 0
        if cache is not None:
            start = cache.length
            cache.keys[layer][:, :, start : start + t] = k
            cache.values[layer][:, :, start : start + t] = v
            k = cache.keys[layer][:, :, : start + t]  # (B, K, S, Hd)
            v = cache.values[layer][:, :, : start + t]
        y = attend(q, k, v, start, key_mask)  # (B, H, T, Hd)
        y = y.transpose(1, 2).reshape(b, t, c.num_attention_heads * c.head_dim)  # (B, T, H*Hd)
        return self.o_proj(y)


def attend(q, k, v, start: int, key_mask: Optional[torch.Tensor] = None):
    """Causal grouped-query attention; query i sits at absolute position start + i. key_mask (B, S)
    marks the real keys of a left-padded batch; padding is masked with a large finite negative, so a
    padding query (which sees no real key) gets a finite, unused output instead of NaN. On CPU a decoding
    step (one query) uses plain matmuls, not SDPA: for one query SDPA's CPU kernel splits the keys by
    thread count, so its floats changed with it, while these give the same floats on 1 or 2 threads and
    measured faster (learner/tests/test_threads.py). With many queries SDPA splits them, not the keys."""
    groups = q.shape[1] // k.shape[1]
    if groups > 1:  # each key/value head serves `groups` query heads
        k = k.repeat_interleave(groups, dim=1)  # (B, H, S, Hd)
        v = v.repeat_interleave(groups, dim=1)
    t, s = q.shape[2], k.shape[2]
    if key_mask is not None:
        rows = torch.arange(t, device=q.device)[:, None] + start
        cols = torch.arange(s, device=q.device)[None, :]
        allowed = (cols <= rows)[None, None] & key_mask[:, None, None, :]  # (B, 1, T, S)
        if hasattr(F, "scaled_dot_product_attention") and (t > 1 or q.device.type != "cpu"):
            bias = torch.zeros(allowed.shape, device=q.device, dtype=q.dtype).masked_fill(
                ~allowed, torch.finfo(q.dtype).min / 2
            )
            return F.scaled_dot_product_attention(q, k, v, attn_mask=bias)
        scores = ((q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])).float()  # (B, H, T, S)
        scores = scores.masked_fill(~allowed, torch.finfo(torch.float32).min / 2)
        return torch.softmax(scores, dim=-1).to(q.dtype) @ v
    if hasattr(F, "scaled_dot_product_attention"):  # torch >= 2.0: fused kernels
        if t == 1 and q.device.type != "cpu":
            return F.scaled_dot_product_attention(q, k, v)
        if start == 0 and t == s:
            return F.scaled_dot_product_attention(q, k, v, is_causal=True)
    scores = (q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])  # (B, H, T, S)
    if t > 1:
        rows = torch.arange(t, device=q.device)[:, None] + start
        cols = torch.arange(s, device=q.device)[None, :]
        scores = scores.masked_fill(cols > rows, float("-inf"))
    return torch.softmax(scores.float(), dim=-1).to(q.dtype) @ v


class MLP(nn.Module):
    """SwiGLU: down(silu(gate(x)) * up(x))."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.gate_proj = nn.Linear(config.hidden_size, config.intermediate_size, bias=False)
        self.up_proj = nn.Linear(config.hidden_size, config.intermediate_size, bias=False)
        self.down_proj = nn.Linear(config.intermediate_size, config.hidden_size, bias=False)

    def forward(self, x):
        return self.down_proj(silu(self.gate_proj(x)) * self.up_proj(x))


class DecoderLayer(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.input_layernorm = RMSNorm(config.hidden_size, config.rms_norm_eps)
        self.self_attn = Attention(config)
        self.post_attention_layernorm = RMSNorm(config.hidden_size, config.rms_norm_eps)
        self.mlp = MLP(config)

    def forward(self, x, cos, sin, cache, layer, key_mask=None):
        x = x + self.self_attn(self.input_layernorm(x), cos, sin, cache, layer, key_mask)
        return x + self.mlp(self.post_attention_layernorm(x))


class Trunk(nn.Module):
    """Hugging Face's `model.*`: embeddings, layers and the final norm."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.embed_tokens = nn.Embedding(config.vocab_size, config.hidden_size)
        self.layers = nn.ModuleList([DecoderLayer(config) for _ in range(config.num_hidden_layers)])
        self.norm = RMSNorm(config.hidden_size, config.rms_norm_eps)


class CausalLM(nn.Module):
    """tokens (B, T) -> logits (B, T, V); optionally a scalar value per position (PPO's critic)."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        self.model = Trunk(config)
        if not config.tie_word_embeddings:
            self.lm_head = nn.Linear(config.hidden_size, config.vocab_size, bias=False)
        self.value_head: Optional[nn.Linear] = None
        # Recompute each layer in the backward pass instead of keeping its activations: memory per
        # layer drops from ~16F+24D bytes per token to the layer's input, for about a third more compute.
        self.gradient_checkpointing = False

    def add_value_head(self) -> None:
        """An extension beyond Tinker: a linear critic on the final hidden state, zero-initialised."""
        if self.value_head is None:
            p = self.model.embed_tokens.weight
            self.value_head = nn.Linear(self.config.hidden_size, 1, device=p.device, dtype=p.dtype)
            nn.init.zeros_(self.value_head.weight)
            nn.init.zeros_(self.value_head.bias)

    def hidden(
        self,
        tokens: torch.Tensor,
        cache: Optional[KVCache] = None,
        pad: Optional[torch.Tensor] = None,
        key_mask: Optional[torch.Tensor] = None,
    ) -> torch.Tensor:
        """A left-padded batch passes pad (B,): each row's count of leading padding slots, and key_mask
        (B, S): which cached+new slots hold real tokens. Row b's token at slot j sits at position
        j − pad[b], so a padded row computes what it would alone."""
        start = cache.length if cache is not None else 0
        positions = torch.arange(start, start + tokens.shape[1], device=tokens.device)  # (T,)
        if pad is not None:
            positions = (positions[None, :] - pad[:, None]).clamp(min=0)  # (B, T)
        c = self.config
        cos, sin = rope_tables(c.head_dim, c.rope_theta, positions, c.rope_scaling)  # (T, Hd) or (B, T, Hd)
        if pad is not None:
            cos, sin = cos[:, None], sin[:, None]  # (B, 1, T, Hd): broadcast over heads
        x = self.model.embed_tokens(tokens)  # (B, T, D)
        recompute = self.gradient_checkpointing and cache is None and torch.is_grad_enabled()
        for i, layer in enumerate(self.model.layers):
            if recompute:
                x = checkpoint(layer, x, cos, sin, None, i, key_mask, use_reentrant=False)
            else:
                x = layer(x, cos, sin, cache, i, key_mask)
        if cache is not None:
            cache.length += tokens.shape[1]
        return self.model.norm(x)  # (B, T, D)

    def logits(self, h: torch.Tensor) -> torch.Tensor:
        if self.config.tie_word_embeddings:
            return F.linear(h, self.model.embed_tokens.weight)  # (B, T, V)
        return self.lm_head(h)

    def forward(
        self,
        tokens: torch.Tensor,
        cache: Optional[KVCache] = None,
        pad: Optional[torch.Tensor] = None,
        key_mask: Optional[torch.Tensor] = None,
    ) -> torch.Tensor:
        return self.logits(self.hidden(tokens, cache, pad, key_mask))

    def values(self, h: torch.Tensor) -> torch.Tensor:
        assert self.value_head is not None
        return self.value_head(h).squeeze(-1).float()  # (B, T)


def init_weights(model: CausalLM, seed: int, std: float = 0.02) -> None:
    """Random init as Hugging Face does (normal(0, std), zero biases, unit norms), seeded."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.fill_(1.0)
            elif name.endswith(".bias"):
                p.zero_()
            else:
                p.copy_(torch.randn(p.shape, generator=generator) * std)


def param_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def token_ids(values: List[int]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.long)
