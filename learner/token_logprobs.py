"""Log-probabilities of target tokens (and entropies) from final hidden states, a chunk of positions
at a time, so [tokens x vocab] never exists at once: at Qwen's 152k vocabulary and 8k tokens the full
float32 logits would take 5 GB, plus as much again for their gradient. Each chunk's logits are
recomputed in the backward pass (activation checkpointing), so only [chunk x vocab] is ever held.

Legend: N positions, D hidden size, V vocabulary, C positions per chunk.
"""
import torch
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

# Float32 logits elements per chunk: 2^27 = 512 MiB (learner/memory.py plans with the same figure).
# The tiny preset (V = 259) always fits in one chunk, and one chunk takes the plain path with no
# recomputation.
CHUNK_ELEMENTS = 1 << 27


def chunk_positions(vocab: int, elements: int = CHUNK_ELEMENTS) -> int:
    return max(1, elements // vocab)


def _chunk_logprobs(h: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """h (C, D), weight (V, D), targets (C,) -> log p(target) (C,) in float32."""
    logits = F.linear(h, weight).float()  # (C, V); under autocast the matmul runs in bf16
    # cross_entropy's fused log-softmax keeps one [C x V] tensor for its backward; a logsumexp form
    # would keep the logits and make more temporaries (15% slower on the CPU at Qwen's vocabulary).
    return -F.cross_entropy(logits, targets, reduction="none")


def target_logprobs(
    h: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor, elements: int = CHUNK_ELEMENTS
) -> torch.Tensor:
    """h (..., D), targets (...) -> log p(target) (...), float32, differentiable in h and weight."""
    shape = targets.shape
    h, targets = h.reshape(-1, h.shape[-1]), targets.reshape(-1)  # (N, D), (N,)
    size = chunk_positions(weight.shape[0], elements)
    if h.shape[0] <= size:
        return _chunk_logprobs(h, weight, targets).view(shape)
    parts = []
    for start in range(0, h.shape[0], size):
        args = (h[start : start + size], weight, targets[start : start + size])
        if torch.is_grad_enabled() and (h.requires_grad or weight.requires_grad):
            parts.append(checkpoint(_chunk_logprobs, *args, use_reentrant=False))
        else:
            parts.append(_chunk_logprobs(*args))
    return torch.cat(parts).view(shape)


@torch.no_grad()
def entropies(h: torch.Tensor, weight: torch.Tensor, elements: int = CHUNK_ELEMENTS) -> torch.Tensor:
    """H = -sum_v p_v log p_v at each position: h (..., D) -> (...), float32, no gradient."""
    shape = h.shape[:-1]
    h = h.reshape(-1, h.shape[-1])
    size = chunk_positions(weight.shape[0], elements)
    out = []
    for start in range(0, h.shape[0], size):
        logp = torch.log_softmax(F.linear(h[start : start + size], weight).float(), dim=-1)
        out.append(-(logp.exp() * logp).sum(-1))
    return torch.cat(out).view(shape)


def output_weight(model) -> torch.Tensor:
    """The (V, D) unembedding matrix of a CausalLM: the embeddings when tied, else lm_head's weight
    (with its adapter folded in, differentiably, when lm_head has one)."""
    if model.config.tie_word_embeddings:
        return model.model.embed_tokens.weight
    head = model.lm_head
    return head.merged_weight() if hasattr(head, "merged_weight") else head.weight
