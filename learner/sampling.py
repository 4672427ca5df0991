"""Batched sampling with a KV cache: num_samples continuations of one prompt, or of several requests
at once (each with its own prompt, count and parameters) in one left-padded batch.

Stops: a stop token id ends a sequence (the token is kept); a stop string ends it once the bytes
of the tokens sampled so far contain it (the completing token is kept). Returned logprobs are those
of the tempered distribution, log softmax(logits / T) (T = 1 when greedy), before top-k and top-p:
what `forward` computes with loss_fn_config.temperature T, so RL's ratio compares the same policy.
A padded row computes what it would alone (positions start at its first real token and padding is
masked), so batching changes no result beyond float rounding; each sequence draws from its own
generator, seeded from its request's seed and its index, so a seed gives the same tokens however
requests are batched. Legend: B sequences in a micro-batch, P longest prompt, V vocabulary.
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
class Request:
    prompt: List[int]
    num_samples: int
    params: SamplingParams


@dataclass
class Sequence:
    tokens: List[int]
    logprobs: List[float]
    stop_reason: str  # "stop" | "length"


def distribution(logits: torch.Tensor, params: SamplingParams) -> Optional[torch.Tensor]:
    """Probabilities (B, V) after temperature, top-k and top-p; None at temperature 0 (greedy)."""
    if params.temperature <= 0:
        return None
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
    return probs.cpu()  # sampled on CPU with each row's generator, so a seed gives the same tokens on any device


def check(request: Request, vocab_size: int) -> None:
    """Raises ValueError naming what is wrong with one request."""
    if not request.prompt:
        raise ValueError("sample needs a non-empty prompt")
    if max(request.prompt) >= vocab_size or min(request.prompt) < 0:
        raise ValueError(f"prompt token out of range: the vocabulary has {vocab_size} tokens")
    if request.params.max_tokens < 1:
        raise ValueError("sampling_params.max_tokens must be at least 1")
    if request.num_samples < 1:
        raise ValueError("num_samples must be at least 1")


def sample(
    model: CausalLM,
    prompt: List[int],
    num_samples: int,
    params: SamplingParams,
    token_bytes: List[bytes],
    device,
    max_batch: int = 64,
    autocast=None,
) -> List[Sequence]:
    return sample_many(model, [Request(prompt, num_samples, params)], token_bytes, device, max_batch, autocast)[0]


def sample_many(
    model: CausalLM, requests: List[Request], token_bytes: List[bytes], device, max_batch: int = 64, autocast=None
) -> List[List[Sequence]]:
    """The sequences of each request, in order; rows go in micro-batches of at most max_batch."""
    for request in requests:
        check(request, model.config.vocab_size)
    seeds = [r.params.seed if r.params.seed is not None else int(torch.randint(0, 2**31 - 1, (1,))) for r in requests]
    rows = [(r, i) for r, request in enumerate(requests) for i in range(request.num_samples)]  # (request, sample)
    out: List[List[Optional[Sequence]]] = [[None] * request.num_samples for request in requests]
    model.eval()
    with torch.no_grad():
        for start in range(0, len(rows), max_batch):
            chunk = rows[start : start + max_batch]
            with autocast() if autocast else _null():
                generators = [torch.Generator().manual_seed((seeds[r] * 1_000_003 + i) % 2**63) for r, i in chunk]
                seqs = sample_rows(model, [requests[r] for r, _ in chunk], generators, token_bytes, device)
            for (r, i), seq in zip(chunk, seqs):
                out[r][i] = seq
    return out  # type: ignore[return-value]


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _Row:
    """One sequence being sampled: its request's parameters and stops, and what it has so far."""

    def __init__(self, params: SamplingParams, generator: torch.Generator):
        self.params, self.generator = params, generator
        self.seq = Sequence([], [], "length")
        self.text = bytearray()
        self.stop_ids = set(params.stop_token_ids)
        self.longest_stop = max((len(s) for s in params.stop_strings), default=0)

    def add(self, tok: int, lp: float, token_bytes: List[bytes]) -> bool:
        """Appends a token; True when the sequence is finished."""
        self.seq.tokens.append(tok)
        self.seq.logprobs.append(lp)
        if tok in self.stop_ids:
            self.seq.stop_reason = "stop"
            return True
        if self.longest_stop:
            piece = token_bytes[tok] if tok < len(token_bytes) else b""
            self.text += piece
            window = bytes(self.text[-(self.longest_stop + len(piece)) :])
            if any(s in window for s in self.params.stop_strings):
                self.seq.stop_reason = "stop"
                return True
        return len(self.seq.tokens) >= self.params.max_tokens


def sample_rows(
    model, requests: List[Request], generators: List[torch.Generator], token_bytes, device
) -> List[Sequence]:
    """One micro-batch: row b continues requests[b].prompt. Prompts are left-padded to the longest;
    finished rows leave the batch (and its cache) so the rest run on a smaller one."""
    b, p = len(requests), max(len(r.prompt) for r in requests)
    pad = torch.tensor([p - len(r.prompt) for r in requests], dtype=torch.long, device=device)  # (B,)
    ragged = bool(pad.any())
    tokens = torch.tensor(
        [[0] * (p - len(r.prompt)) + r.prompt for r in requests], dtype=torch.long, device=device
    )  # (B, P)
    longest = p + max(r.params.max_tokens for r in requests)
    cache = KVCache(model.config, b, longest, device, model.model.embed_tokens.weight.dtype)
    key_mask = (torch.arange(longest, device=device)[None, :] >= pad[:, None]) if ragged else None  # (B, longest)
    logits = model(tokens, cache, pad if ragged else None, key_mask[:, :p] if ragged else None)[:, -1]  # (B, V)
    rows = [_Row(r.params, g) for r, g in zip(requests, generators)]
    live = list(range(b))  # indices into rows of the batch's current rows, in batch order
    while live:
        temperatures = torch.tensor(
            [rows[i].params.temperature if rows[i].params.temperature > 0 else 1.0 for i in live], device=logits.device
        )  # (B,)
        logp = torch.log_softmax(logits.float() / temperatures[:, None], dim=-1)  # (B, V)
        chosen = logits.argmax(-1).cpu()  # (B,): greedy rows keep these
        # Rows with the same parameters get their distribution together; each draws with its own generator.
        groups: dict = {}
        for j, i in enumerate(live):
            groups.setdefault(id(rows[i].params), []).append(j)
        for js in groups.values():
            probs = distribution(
                logits.index_select(0, torch.tensor(js, device=logits.device)), rows[live[js[0]]].params
            )
            for k, j in enumerate(js if probs is not None else []):
                chosen[j] = int(torch.multinomial(probs[k], 1, generator=rows[live[j]].generator))
        chosen = chosen.to(logits.device)
        chosen_lp = logp.gather(-1, chosen[:, None]).squeeze(-1)  # (B,)
        finished = [rows[i].add(tok, lp, token_bytes) for i, tok, lp in zip(live, chosen.tolist(), chosen_lp.tolist())]
        if all(finished):
            break
        if any(finished):
            keep = [j for j, f in enumerate(finished) if not f]
            index = torch.tensor(keep, dtype=torch.long, device=device)
            cache.keep(index)
            pad, chosen = pad.index_select(0, index), chosen.index_select(0, index)
            if key_mask is not None:
                key_mask = key_mask.index_select(0, index)
            live = [live[j] for j in keep]
        step_mask = key_mask[:, : cache.length + 1] if key_mask is not None else None
        logits = model(chosen[:, None], cache, pad if ragged else None, step_mask)[:, -1]  # (B, V)
    return [row.seq for row in rows]
