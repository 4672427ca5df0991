"""Batched sampling with a KV cache: num_samples continuations of one prompt, or of several requests
at once (each with its own prompt, count and parameters) in one left-padded batch.

Stops: a stop token id ends a sequence (the token is kept); a stop string ends it once the bytes
of the tokens sampled so far contain it (the completing token is kept). Returned logprobs are those
of the tempered distribution, log softmax(logits / T) (T = 1 when greedy), before top-k and top-p:
what `forward` computes with loss_fn_config.temperature T, so RL's ratio compares the same policy.
A padded row computes what it would alone (positions start at its first real token and padding is
masked), so batching changes no result beyond float rounding; each sequence draws from its own
generator, seeded from its request's seed and its index, so a seed gives the same tokens however
requests are batched. Rows with the same prompt (the samples of a group) share one prefill.
Legend: B sequences in a micro-batch, P longest prompt, V vocabulary.
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
    seeds = [request_seed(r) for r in requests]
    rows = [(r, i) for r, request in enumerate(requests) for i in range(request.num_samples)]  # (request, sample)
    out: List[List[Optional[Sequence]]] = [[None] * request.num_samples for request in requests]
    model.eval()
    with torch.no_grad():
        for start in range(0, len(rows), max_batch):
            chunk = rows[start : start + max_batch]
            with autocast() if autocast else null_context():
                generators = [row_generator(seeds[r], i) for r, i in chunk]
                seqs = sample_rows(model, [requests[r] for r, _ in chunk], generators, token_bytes, device)
            for (r, i), seq in zip(chunk, seqs):
                out[r][i] = seq
    return out  # type: ignore[return-value]


def request_seed(request: Request) -> int:
    """The request's seed, or a fresh one."""
    return request.params.seed if request.params.seed is not None else int(torch.randint(0, 2**31 - 1, (1,)))


def row_generator(seed: int, index: int) -> torch.Generator:
    """The generator of a request's index-th sequence: the same however the rows are batched."""
    return torch.Generator().manual_seed((seed * 1_000_003 + index) % 2**63)


class null_context:
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
    """One micro-batch: row b continues requests[b].prompt, all admitted at once."""
    batch = Batch(model, token_bytes, device)
    rows = batch.admit(requests, generators)
    while batch.rows:
        batch.step()
    return [row.seq for row in rows]


class Batch:
    """Rows decoded together, one token per step, in one left-padded KV cache. Finished rows leave
    between steps (the rest run on a smaller batch) and new rows may join between steps (continuous
    batching): their prompts are prefilled on their own, then both caches are right-aligned to the
    longer one, which moves no row's positions (a token at slot j of row b sits at j − pad[b])."""

    def __init__(self, model: CausalLM, token_bytes: List[bytes], device):
        self.model, self.token_bytes, self.device = model, token_bytes, device
        self.rows: List[_Row] = []  # live rows, in batch order
        self.cache: Optional[KVCache] = None
        self.pad = torch.zeros(0, dtype=torch.long, device=device)  # (B,)
        self.logits: Optional[torch.Tensor] = None  # (B, V): each live row's next-token logits

    def admit(self, requests: List[Request], generators: List[torch.Generator]) -> List["_Row"]:
        """Prefills these rows (row b continues requests[b].prompt) and adds them; returns them. Rows
        with the same prompt (a request's samples, a group's answers) share one prefill: its cache
        and logits are copied to each of them."""
        first: dict = {}  # prompt -> its index among the distinct prompts
        which = [first.setdefault(tuple(r.prompt), len(first)) for r in requests]  # (n,)
        prompts = [list(prompt) for prompt in first]  # (u,): the distinct prompts, in order of first use
        p = max(len(x) for x in prompts)
        pad = torch.tensor([p - len(x) for x in prompts], dtype=torch.long, device=self.device)  # (u,)
        tokens = torch.tensor([[0] * (p - len(x)) + x for x in prompts], dtype=torch.long, device=self.device)
        dtype = self.model.model.embed_tokens.weight.dtype
        cache = KVCache(
            self.model.config, len(prompts), p + max(r.params.max_tokens for r in requests), self.device, dtype
        )
        ragged = bool(pad.any())
        mask = (torch.arange(p, device=self.device)[None, :] >= pad[:, None]) if ragged else None
        logits = self.model(tokens, cache, pad if ragged else None, mask)[:, -1]  # (u, V)
        if len(prompts) < len(requests):
            rows_of = torch.tensor(which, dtype=torch.long, device=self.device)
            cache.keep(rows_of)
            pad, logits = pad.index_select(0, rows_of), logits.index_select(0, rows_of)  # (n,), (n, V)
        rows = [_Row(r.params, g) for r, g in zip(requests, generators)]
        if self.cache is None or not self.rows:
            self.cache, self.pad, self.logits, self.rows = cache, pad, logits, rows
        else:
            self._merge(cache, pad, logits, rows)
        return rows

    def _merge(self, cache: KVCache, pad: torch.Tensor, logits: torch.Tensor, rows: List["_Row"]) -> None:
        """Both groups right-aligned in one cache as long as the longest row (slots that are padding
        in every row are dropped, so a long-lived batch does not grow with its age)."""
        old = self.cache
        assert old is not None and self.logits is not None
        old_front = int(self.pad.min())
        old_length = old.length - old_front
        length = max(old_length, cache.length)
        room = max(r.params.max_tokens - len(r.seq.tokens) for r in self.rows + rows)
        b = len(self.rows)
        merged = KVCache(self.model.config, b + len(rows), length + room, self.device, old.keys[0].dtype)
        parts = ((slice(0, b), old, old_front, old_length), (slice(b, None), cache, 0, cache.length))
        for layer in range(len(merged.keys)):
            for batch_rows, part, front, n in parts:
                merged.keys[layer][batch_rows, :, length - n : length] = part.keys[layer][:, :, front : front + n]
                merged.values[layer][batch_rows, :, length - n : length] = part.values[layer][:, :, front : front + n]
        merged.length = length
        self.pad = torch.cat([self.pad - old_front + (length - old_length), pad + (length - cache.length)])
        self.cache, self.logits, self.rows = merged, torch.cat([self.logits, logits]), self.rows + rows

    def step(self) -> List["_Row"]:
        """Draws one token for every live row; returns the rows that finished (they leave the batch)."""
        rows, logits, cache = self.rows, self.logits, self.cache
        assert logits is not None and cache is not None
        temperatures = torch.tensor(
            [row.params.temperature if row.params.temperature > 0 else 1.0 for row in rows], device=logits.device
        )  # (B,)
        logp = torch.log_softmax(logits.float() / temperatures[:, None], dim=-1)  # (B, V)
        chosen = logits.argmax(-1).cpu()  # (B,): greedy rows keep these
        # Rows with the same parameters get their distribution together; each draws with its own generator.
        groups: dict = {}
        for j, row in enumerate(rows):
            groups.setdefault(id(row.params), []).append(j)
        for js in groups.values():
            probs = distribution(logits.index_select(0, torch.tensor(js, device=logits.device)), rows[js[0]].params)
            for k, j in enumerate(js if probs is not None else []):
                chosen[j] = int(torch.multinomial(probs[k], 1, generator=rows[j].generator))
        chosen = chosen.to(logits.device)
        chosen_lp = logp.gather(-1, chosen[:, None]).squeeze(-1)  # (B,)
        finished = [
            row.add(tok, lp, self.token_bytes) for row, tok, lp in zip(rows, chosen.tolist(), chosen_lp.tolist())
        ]
        done = [row for row, f in zip(rows, finished) if f]
        if len(done) == len(rows):
            self.rows, self.logits = [], None
            return done
        if done:
            keep = torch.tensor([j for j, f in enumerate(finished) if not f], dtype=torch.long, device=self.device)
            pad = self.pad.index_select(0, keep)
            front = int(pad.min())
            cache.keep(keep, front)
            self.pad, chosen = pad - front, chosen.index_select(0, keep)
            self.rows = [row for row, f in zip(rows, finished) if not f]
        ragged = bool(self.pad.any())
        mask = (torch.arange(cache.length + 1, device=self.device)[None, :] >= self.pad[:, None]) if ragged else None
        self.logits = self.model(chosen[:, None], cache, self.pad if ragged else None, mask)[:, -1]  # (B, V)
        return done
