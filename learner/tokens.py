"""Each token's bytes, read from a Hugging Face tokenizer.json, so stop strings are matched on the
bytes of sampled tokens without re-tokenising. Handles byte-level BPE (GPT-2, Qwen, Llama 3) and
SentencePiece-style vocabularies (the ▁ space marker and <0xNN> byte-fallback tokens).
"""
import json
import os
import re
from typing import Dict, List

BYTE_FALLBACK = re.compile(r"^<0x([0-9A-Fa-f]{2})>$")


def bytes_to_unicode() -> Dict[int, str]:
    """GPT-2's reversible map from the 256 byte values to printable unicode characters."""
    printable = (
        list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    )
    mapping, extra = {}, 0
    for b in range(256):
        if b in printable:
            mapping[b] = chr(b)
        else:
            mapping[b] = chr(256 + extra)
            extra += 1
    return mapping


def is_byte_level(tokenizer: dict) -> bool:
    parts = [tokenizer.get("pre_tokenizer") or {}, tokenizer.get("decoder") or {}]
    for part in list(parts):
        parts.extend(part.get("pretokenizers", []) + part.get("decoders", []))
    return any(p.get("type") == "ByteLevel" for p in parts)


def token_bytes_table(tokenizer_json: str, vocab_size: int) -> List[bytes]:
    """table[id] = the bytes token `id` decodes to (b"" for ids the tokenizer does not define)."""
    with open(tokenizer_json, encoding="utf-8") as f:
        tokenizer = json.load(f)
    table = [b""] * vocab_size
    vocab = (tokenizer.get("model") or {}).get("vocab") or {}
    if isinstance(vocab, list):  # Unigram models list [piece, score] pairs
        vocab = {piece: i for i, (piece, _score) in enumerate(vocab)}
    if is_byte_level(tokenizer):
        decode = {c: b for b, c in bytes_to_unicode().items()}
        for piece, i in vocab.items():
            if i < vocab_size:
                table[i] = bytes(decode[c] for c in piece) if all(c in decode for c in piece) else piece.encode()
    else:
        for piece, i in vocab.items():
            if i < vocab_size:
                m = BYTE_FALLBACK.match(piece)
                table[i] = bytes([int(m.group(1), 16)]) if m else piece.replace("▁", " ").encode()
    for added in tokenizer.get("added_tokens", []):
        if added["id"] < vocab_size:
            table[added["id"]] = added["content"].encode()
    return table


def load_table(folder: str, vocab_size: int) -> List[bytes]:
    path = os.path.join(folder, "tokenizer.json")
    return token_bytes_table(path, vocab_size) if os.path.isfile(path) else [b""] * vocab_size
