"""A copy circuit written into a random-init model's first two layers, so the tiny preset starts
out able to copy from its context the way any pretrained model can.

A model of ~3M parameters trained from scratch on a few thousand demo trajectories does not learn
in-context copying (an induction head) within minutes on a CPU: it learns the protocol but writes
memorised numbers into its code. Real base models arrive with induction heads from pretraining.
This module gives the tiny preset the same starting point, built by hand, in ordinary Qwen2
weights (nothing about the architecture changes, every weight stays trainable):

Residual stream layout (the first 4*CODE of the hidden dimensions; the rest stay random):
    A  [0, CODE)        the current token's code t(x) (the embedding; tied, so it is also what logits read)
    P1 [CODE, 2CODE)    t(previous token)        written by layer 0, head 0 (attends to offset 1)
    P2 [2CODE, 3CODE)   t(token two back)        written by layer 0, head 1 (attends to offset 2)
    C  [3CODE, 4CODE)   t(current token), moved out of A by layer 1, head 2

Layer 1 then predicts "what followed the last time this context occurred":
    head 0 scores key n by [x(n-1) = x(m)] + [x(n-2) = x(m-1)] (a bigram match) and copies t(x(n)) into A;
    head 1 scores by [x(n-1) = x(m)] alone (a unigram fallback) and copies t(x(n)) into A.

Both copy heads also prefer the most recent of equally good matches: a bias on one mid-frequency
RoPE pair adds RECENCY_SCORE * cos(angle * distance), which falls steadily over the first
RECENCY_RANGE tokens and is always smaller than one matching token. So where a prompt's example
("e.g. <<<123>>>") and a later interpreter output ("<<<4301>>>") share a context, the copy comes from
the output, as a pretrained model's induction heads would prefer.

Positional heads take their query and key from biases only; the pair weights below make the RoPE
score peak at the wanted offset with a margin over every other offset up to 4096 (found by
maximising that margin numerically; `positional_margin` checks it). Content matching uses only the
low-frequency RoPE pairs (16..31 of a 64-wide head), which barely rotate over a few thousand tokens.
"""
import math

import torch

from .model import CausalLM, apply_rope, rope_tables

CODE = 32
# Letters and digits that get exactly orthogonal codes (the rest get random unit codes).
ORTHOGONAL = "0123456789etaoinsrhldcumfpgwybvk"
# Weight of each RoPE pair (0 = highest frequency) in the positional heads' score, for rope_theta
# 1e6 and head_dim 64; they sum to 1.
POSITIONAL_PAIR_WEIGHTS = (
    0.544,
    0.062,
    0.042,
    0.052,
    0.052,
    0.033,
    0.021,
    0.035,
    0.022,
    0.022,
    0.028,
    0.026,
    0.022,
    0.0,
    0.024,
    0.0,
    0.016,
) + (0.0,) * 15
POSITIONAL_SCALE = 360.0  # total squared bias: a score margin of ~12 between offset 1 and any other
MATCH_SCORE = 14.0  # attention score of one matching token code
UNIGRAM_GAIN, BIGRAM_GAIN = 2.0, 3.0
RECENCY_SCORE = 12.0  # at distance 0; about 3 points more for a key 25 tokens back than one 200 back
RECENCY_PAIR = 13  # rotates by ~0.0037 per token at rope_theta 1e6: monotone over ~860 tokens


def check_shape(model: CausalLM) -> None:
    c = model.config
    ok = (
        c.architecture == "qwen2"
        and c.head_dim == 64
        and c.num_attention_heads >= 3
        and c.num_key_value_heads == c.num_attention_heads
        and c.hidden_size >= 4 * CODE
        and c.num_hidden_layers >= 2
        and c.tie_word_embeddings
    )
    if not ok:
        raise ValueError(
            "the copy circuit needs a tied qwen2 model with head_dim 64, >= 3 heads without grouped keys, "
            f"hidden size >= {4 * CODE} and >= 2 layers"
        )


def token_codes(vocab: int, seed: int) -> torch.Tensor:
    """(vocab, CODE) unit vectors: the ORTHOGONAL characters on the axes, the rest random."""
    g = torch.Generator().manual_seed(seed)
    codes = torch.randn(vocab, CODE, generator=g)
    codes = codes / codes.norm(dim=1, keepdim=True)
    for j, ch in enumerate(ORTHOGONAL):
        codes[ord(ch)] = 0.0
        codes[ord(ch), j] = 1.0
    return codes


def positional_bias(head_dim: int, theta: float, offset: int):
    """q and k biases (head_dim,) whose RoPE score peaks where query position - key position = offset."""
    half = head_dim // 2
    q, k = torch.zeros(head_dim), torch.zeros(head_dim)
    for i, w in enumerate(POSITIONAL_PAIR_WEIGHTS[:half]):
        a, angle = math.sqrt(POSITIONAL_SCALE * w), offset * theta ** (-2 * i / head_dim)
        q[i], k[i], k[i + half] = a, a * math.cos(angle), a * math.sin(angle)
    return q, k


def positional_scores(head_dim: int, theta: float, offset: int, length: int) -> torch.Tensor:
    """Attention scores (length,) of a query at position length-1 against every key, for a positional head."""
    q, k = positional_bias(head_dim, theta, offset)
    cos, sin = rope_tables(head_dim, theta, torch.arange(length))
    qs = apply_rope(q.expand(1, 1, length, head_dim), cos, sin)[0, 0]
    ks = apply_rope(k.expand(1, 1, length, head_dim), cos, sin)[0, 0]
    return ks @ qs[-1] / math.sqrt(head_dim)


def positional_margin(head_dim: int, theta: float, offset: int, length: int = 4096) -> float:
    """The wanted key's score minus the best other key's, for a query at position length-1."""
    scores = positional_scores(head_dim, theta, offset, length)
    target = length - 1 - offset
    others = torch.cat([scores[:target], scores[target + 1 :]])
    return float(scores[target] - others.max())


def recency_range(head_dim: int, theta: float) -> int:
    """Distance (tokens) up to which the recency score keeps falling (its angle reaches pi)."""
    return int(math.pi / theta ** (-2 * RECENCY_PAIR / head_dim))


def _recency_bias(attn, h: int, hd: int) -> None:
    """Give head h's score a RECENCY_SCORE * cos(angle * distance) term through biases on one RoPE pair."""
    a = math.sqrt(RECENCY_SCORE * math.sqrt(hd))
    attn.q_proj.bias[h * hd + RECENCY_PAIR] = a
    attn.k_proj.bias[h * hd + RECENCY_PAIR] = a


def _clear_head(attn, h: int, hd: int) -> slice:
    """Zero head h's query, key and value rows (weights and biases) and its output columns."""
    r = slice(h * hd, (h + 1) * hd)
    for proj in (attn.q_proj, attn.k_proj, attn.v_proj):
        proj.weight[r] = 0.0
        proj.bias[r] = 0.0
    attn.o_proj.weight[:, r] = 0.0
    return r


def _positional_head(attn, h: int, hd: int, theta: float, offset: int) -> slice:
    r = _clear_head(attn, h, hd)
    attn.q_proj.bias[r], attn.k_proj.bias[r] = positional_bias(hd, theta, offset)
    return r


def install(model: CausalLM, seed: int = 0) -> CausalLM:
    """Write the copy circuit into `model` (random-initialised) in place; returns it."""
    check_shape(model)
    c = model.config
    hd, theta, d = c.head_dim, c.rope_theta, c.hidden_size
    A, P1, P2, C = (slice(i * CODE, (i + 1) * CODE) for i in range(4))
    eye = torch.eye(CODE)
    low = list(range(hd // 4, hd // 2))
    content = low + [i + hd // 2 for i in low]  # the low-frequency RoPE pairs
    with torch.no_grad():
        emb = model.model.embed_tokens.weight
        emb[:, : 4 * CODE] = 0.0
        emb[:, A] = token_codes(c.vocab_size, seed)
        # RMSNorm turns a unit code into one of norm sqrt(d / sum of squares); these undo it.
        rest = float((emb[:, 4 * CODE :] ** 2).sum(1).mean())
        unit0 = math.sqrt((1.0 + rest) / d)
        unit1 = math.sqrt((3.0 + rest) / d)  # layer 1 sees A, P1 and P2, each of unit norm

        layer0 = model.model.layers[0].self_attn
        for h, (offset, dst) in enumerate(((1, P1), (2, P2))):
            r = _positional_head(layer0, h, hd, theta, offset)
            layer0.v_proj.weight[r.start : r.start + CODE, A] = eye * unit0
            layer0.o_proj.weight[dst, r.start : r.start + CODE] = eye

        layer1 = model.model.layers[1].self_attn
        g = torch.Generator().manual_seed(seed + 1)
        narrow = torch.randn(CODE // 2, CODE, generator=g)
        narrow = narrow / narrow.norm(dim=0, keepdim=True)
        narrow[:, :10] = 0.0
        narrow[:10, :10] = torch.eye(10)  # digits match exactly in the narrow code too
        a = math.sqrt(math.sqrt(c.head_dim) * MATCH_SCORE)
        half = len(content) // 2
        heads = (
            (0, ((A, P1, narrow, content[:half]), (P1, P2, narrow, content[half:])), BIGRAM_GAIN),
            (1, ((A, P1, eye, content),), UNIGRAM_GAIN),
        )
        for h, parts, gain in heads:
            r = _clear_head(layer1, h, hd)
            for query_from, key_from, code, dims in parts:
                rows = torch.tensor(dims) + h * hd
                layer1.q_proj.weight[rows, query_from] = code * unit1 * a
                layer1.k_proj.weight[rows, key_from] = code * unit1 * a
            layer1.v_proj.weight[r.start : r.start + CODE, A] = eye * unit1
            layer1.o_proj.weight[A, r.start : r.start + CODE] = eye * gain
            _recency_bias(layer1, h, hd)
        # head 2: attends to its own position and moves the current token's code from A to C, so the
        # copied token, not the current one, dominates what the logits read from A.
        r = _positional_head(layer1, 2, hd, theta, 0)
        layer1.v_proj.weight[r.start : r.start + CODE, A] = eye * unit1
        layer1.o_proj.weight[A, r.start : r.start + CODE] = -eye
        layer1.o_proj.weight[C, r.start : r.start + CODE] = eye
    return model
