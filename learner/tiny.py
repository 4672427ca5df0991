"""The tiny preset: a Qwen2-architecture model (~3.2M parameters) with a byte-level tokenizer,
written as an ordinary Hugging Face folder so everything treats it like a real model. Its weights
are random except for a hand-written copy circuit in the first two layers (learner/copy_circuit.py):
it can copy from its context, as a pretrained model can, and knows nothing else.

    python -m learner.tiny OUT_DIR [--seed N]
    python -m learner.tiny OUT_DIR --tokenizer-from HF_DIR   # same shape, that tokenizer's vocabulary

Token ids: 0..255 are the bytes themselves, then <|endoftext|> 256, <|im_start|> 257, <|im_end|> 258.
"""
import argparse
import json
import os
import sys

from . import copy_circuit
from .hf import save_model
from .model import CausalLM, ModelConfig, init_weights
from .tokens import bytes_to_unicode

SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
ENDOFTEXT, IM_START, IM_END = 256, 257, 258
CHAT_TEMPLATE = (
    "{%- for message in messages %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)


def tiny_config() -> ModelConfig:
    return ModelConfig(
        architecture="qwen2",
        vocab_size=256 + len(SPECIAL),
        hidden_size=256,
        intermediate_size=688,
        num_hidden_layers=4,
        num_attention_heads=4,
        num_key_value_heads=4,
        head_dim=64,
        rope_theta=1_000_000.0,
        max_position_embeddings=4096,
        tie_word_embeddings=True,
        extra={"bos_token_id": ENDOFTEXT, "eos_token_id": IM_END},
    )


def tokenizer_json() -> dict:
    """A byte-level BPE with no merges: every byte is one token, id = byte value."""
    chars = bytes_to_unicode()
    added = [
        {
            "id": 256 + i,
            "content": s,
            "single_word": False,
            "lstrip": False,
            "rstrip": False,
            "normalized": False,
            "special": True,
        }
        for i, s in enumerate(SPECIAL)
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": None,
            "end_of_word_suffix": None,
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": False,
            "vocab": {chars[b]: b for b in range(256)},
            "merges": [],
        },
    }


def tokenizer_config() -> dict:
    decoder = {
        str(256 + i): {
            "content": s,
            "lstrip": False,
            "normalized": False,
            "rstrip": False,
            "single_word": False,
            "special": True,
        }
        for i, s in enumerate(SPECIAL)
    }
    return {
        "added_tokens_decoder": decoder,
        "additional_special_tokens": SPECIAL[1:],
        "bos_token": None,
        "eos_token": "<|im_end|>",
        "pad_token": "<|endoftext|>",
        "unk_token": None,
        "model_max_length": 4096,
        "clean_up_tokenization_spaces": False,
        "tokenizer_class": "PreTrainedTokenizerFast",
        "chat_template": CHAT_TEMPLATE,
    }


def encode(text: str) -> list:
    """The ids the tiny tokenizer gives `text` (special tokens recognised), for tests and tools."""
    ids, i = [], 0
    while i < len(text):
        special = next((s for s in SPECIAL if text.startswith(s, i)), None)
        if special:
            ids.append(256 + SPECIAL.index(special))
            i += len(special)
        else:
            ids.extend(text[i].encode())
            i += 1
    return ids


def write_tiny(folder: str, seed: int = 0) -> str:
    """Create (or replace) the tiny preset in `folder`; the weights depend only on `seed`."""
    model = CausalLM(tiny_config())
    init_weights(model, seed)
    copy_circuit.install(model, seed)
    save_model(model, folder)
    files = {
        "tokenizer.json": tokenizer_json(),
        "tokenizer_config.json": tokenizer_config(),
        "generation_config.json": {"bos_token_id": ENDOFTEXT, "eos_token_id": [IM_END, ENDOFTEXT]},
    }
    for name, data in files.items():
        tmp = os.path.join(folder, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
        os.replace(tmp, os.path.join(folder, name))
    return folder


def write_random_with_tokenizer(folder: str, tokenizer_dir: str, seed: int = 0) -> str:
    """A small random Qwen2 sized to another tokenizer's vocabulary, with its tokenizer files copied."""
    with open(os.path.join(tokenizer_dir, "tokenizer.json"), encoding="utf-8") as f:
        tok = json.load(f)
    ids = list(tok["model"]["vocab"].values()) + [a["id"] for a in tok.get("added_tokens", [])]
    config = tiny_config()
    config.vocab_size, config.hidden_size, config.intermediate_size, config.num_hidden_layers = max(ids) + 1, 64, 128, 2
    config.head_dim, config.extra = 16, {}
    model = CausalLM(config)
    init_weights(model, seed)
    return save_model(model, folder, tokenizer_from=tokenizer_dir)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="write the tiny preset as a Hugging Face folder")
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tokenizer-from", help="a folder with tokenizer.json: size the model to its vocabulary")
    args = parser.parse_args(argv)
    if args.tokenizer_from:
        write_random_with_tokenizer(args.out_dir, args.tokenizer_from, args.seed)
    else:
        write_tiny(args.out_dir, args.seed)
    print(os.path.abspath(args.out_dir), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
