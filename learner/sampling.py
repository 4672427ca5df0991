"""Batched sampling with a KV cache: num_samples continuations of one prompt, in micro-batches.

Stops: a stop token id ends a sequence (the token is kept); a stop string ends it once the bytes
of the tokens sampled so far contain it (the completing token is kept). Returned logprobs are the
model's own log p(token) at temperature 1 (what `forward` computes), not the tempered distribution.
Legend: B sequences in a micro-batch, P prompt length, V vocabulary.
"""
from dataclasses import dataclass, field
from typing import List, Optional

import torch

from .model import CausalLM, KVCache


@dataclass
class SamplingParams:
    max_tokens: int = 16
    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int = -1
    seed: Optional[int] = None
    stop_strings: List[bytes] = field(default_factory=list)
    stop_token_ids: List[int] = field(default_factory=list)


@dataclass
class Sequence:
    tokens: List[int]
    logprobs: List[float]
    stop_reason: str  # "stop" | "length"


def pick(logits: torch.Tensor, params: SamplingParams, generator: torch.Generator) -> torch.Tensor:
    """Next token per row from logits (B, V): greedy at temperature 0, else top-k/top-p sampling."""
    if params.temperature <= 0:
        return logits.argmax(-1)
    scaled = logits.float() / params.temperature
    if 0 < params.top_k < scaled.shape[-1]:
        kth = torch.topk(scaled, params.top_k, dim=-1).values[:, -1:]  # (B, 1)
        scaled = scaled.masked_fill(scaled < kth, float("-inf"))
    probs = torch.softmax(scaled, dim=-1)  # (B, V)
    if params.top_p < 1.0:
        sorted_probs, order = probs.sort(dim=-1, descending=True)
        drop = sorted_probs.cumsum(-1) - sorted_probs > params.top_p  # mass before this token already covers p
        sorted_probs = sorted_probs.masked_fill(drop, 0.0)
        probs = torch.zeros_like(probs).scatter(-1, order, sorted_probs)
    # Sample on CPU with our generator so a seed gives the same tokens on any device.
    return torch.multinomial(probs.cpu(), 1, generator=generator).squeeze(-1).to(logits.device)


def sample(model: CausalLM, prompt: List[int], num_samples: int, params: SamplingParams, token_bytes: List[bytes],
           device, max_batch: int = 64, autocast=None) -> List[Sequence]:
    if not prompt:
        raise ValueError("sample needs a non-empty prompt")
    if max(prompt) >= model.config.vocab_size or min(prompt) < 0:
        raise ValueError(f"prompt token out of range: the vocabulary has {model.config.vocab_size} tokens")
    if params.max_tokens < 1:
        raise ValueError("sampling_params.max_tokens must be at least 1")
    seed = params.seed if params.seed is not None else int(torch.randint(0, 2**31 - 1, (1,)))
    generator = torch.Generator().manual_seed(seed)
    out: List[Sequence] = []
    model.eval()
    with torch.no_grad():
        for start in range(0, num_samples, max_batch):
            b = min(max_batch, num_samples - start)
            with autocast() if autocast else _null():
                out.extend(sample_batch(model, prompt, b, params, token_bytes, device, generator))
    return out


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def sample_batch(model, prompt, b, params: SamplingParams, token_bytes, device, generator) -> List[Sequence]:
    p = len(prompt)
    cache = KVCache(model.config, b, p + params.max_tokens, device, model.model.embed_tokens.weight.dtype)
    tokens = torch.tensor([prompt] * b, dtype=torch.long, device=device)  # (B, P)
    logits = model(tokens, cache)[:, -1]  # (B, V)
    seqs = [Sequence([], [], "length") for _ in range(b)]
    texts = [bytearray() for _ in range(b)]
    done = [False] * b
    stop_ids = set(params.stop_token_ids)
    longest_stop = max((len(s) for s in params.stop_strings), default=0)
    for step in range(params.max_tokens):
        logp = torch.log_softmax(logits.float(), dim=-1)  # (B, V)
        chosen = pick(logits, params, generator)  # (B,)
        chosen_lp = logp.gather(-1, chosen[:, None]).squeeze(-1)  # (B,)
        for i, (tok, lp) in enumerate(zip(chosen.tolist(), chosen_lp.tolist())):
            if done[i]:
                continue
            seqs[i].tokens.append(tok)
            seqs[i].logprobs.append(lp)
            if tok in stop_ids:
                done[i], seqs[i].stop_reason = True, "stop"
            elif longest_stop:
                piece = token_bytes[tok] if tok < len(token_bytes) else b""
                texts[i] += piece
                window = bytes(texts[i][-(longest_stop + len(piece)):])
                if any(s in window for s in params.stop_strings):
                    done[i], seqs[i].stop_reason = True, "stop"
        if all(done) or step == params.max_tokens - 1:
            break
        logits = model(chosen[:, None], cache)[:, -1]  # (B, V)
    return seqs
