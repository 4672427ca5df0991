"""Model configs: ModelConfig, and reading/writing a Hugging Face config.json in both layouts real
folders use (Hub checkpoints: rope_theta/rope_scaling at the top level; transformers 5: inside
rope_parameters). A key that would change the model's maths and is not implemented is refused by name.
"""
import math
from dataclasses import dataclass, field
from typing import Optional

ARCHITECTURES = {"Qwen2ForCausalLM": "qwen2", "Qwen3ForCausalLM": "qwen3", "LlamaForCausalLM": "llama"}
LLAMA3_KEYS = ("factor", "low_freq_factor", "high_freq_factor", "original_max_position_embeddings")


class ConfigError(ValueError):
    """A config.json the learner cannot reproduce exactly; the message names the key."""


@dataclass
class ModelConfig:
    architecture: str = "qwen2"  # qwen2 | qwen3 | llama
    vocab_size: int = 259
    hidden_size: int = 256
    intermediate_size: int = 688
    num_hidden_layers: int = 4
    num_attention_heads: int = 4
    num_key_value_heads: int = 2
    head_dim: int = 64
    rms_norm_eps: float = 1e-6
    rope_theta: float = 1_000_000.0
    max_position_embeddings: int = 4096
    tie_word_embeddings: bool = True
    attention_bias: bool = False  # Llama's optional bias on q/k/v/o; Qwen2 always biases q/k/v
    rope_scaling: Optional[dict] = None  # None, or {"rope_type": "llama3", factor, low/high_freq_factor, ...}
    extra: dict = field(default_factory=dict)  # other config.json keys, written back unchanged

    @property
    def qkv_bias(self) -> bool:
        return self.architecture == "qwen2" or self.attention_bias

    @property
    def o_bias(self) -> bool:
        return self.architecture == "llama" and self.attention_bias


def inverse_frequencies(head_dim: int, theta: float, scaling: Optional[dict] = None, device=None):
    """RoPE's (Hd/2,) angular frequencies; `llama3` scaling slows the low frequencies by `factor`
    and blends smoothly between low_freq_factor and high_freq_factor wavelengths (Llama 3.1)."""
    import torch  # here, so that reading a config (the memory plan) needs no torch

    inv = 1.0 / (theta ** (torch.arange(0, head_dim, 2, device=device, dtype=torch.float32) / head_dim))
    if not scaling:
        return inv
    factor, low, high = float(scaling["factor"]), float(scaling["low_freq_factor"]), float(scaling["high_freq_factor"])
    old_context = float(scaling["original_max_position_embeddings"])
    wavelength = 2 * math.pi / inv
    scaled = torch.where(wavelength > old_context / low, inv / factor, inv)
    smooth = (old_context / wavelength - low) / (high - low)
    blended = (1 - smooth) * scaled / factor + smooth * scaled
    medium = (wavelength >= old_context / high) & (wavelength <= old_context / low)
    return torch.where(medium, blended, scaled)


# Keys the learner reads (config_from_hf) or writes itself (config_to_hf).
READ = {
    "architectures",
    "model_type",
    "vocab_size",
    "hidden_size",
    "intermediate_size",
    "num_hidden_layers",
    "num_attention_heads",
    "num_key_value_heads",
    "head_dim",
    "rms_norm_eps",
    "rope_theta",
    "rope_scaling",
    "rope_parameters",
    "max_position_embeddings",
    "tie_word_embeddings",
    "attention_bias",
    "torch_dtype",
    "dtype",
}
# Keys that change the maths only away from one value: that value is what the learner computes.
NEUTRAL = {
    "hidden_act": lambda v: v == "silu",
    "attention_dropout": lambda v: not v,  # training-time dropout; the learner has none
    "mlp_bias": lambda v: not v,
    "use_sliding_window": lambda v: not v,
    "use_mrope": lambda v: not v,
    "partial_rotary_factor": lambda v: v in (None, 1, 1.0),
    "layer_types": lambda v: v is None or all(t == "full_attention" for t in v),
    "quantization_config": lambda v: v is None,
}
# Keys with no effect on the forward pass: token ids, bookkeeping, generation and init settings, and
# the sliding-window sizes that only apply when use_sliding_window (checked above) is true.
INERT = {
    "bos_token_id",
    "eos_token_id",
    "pad_token_id",
    "sep_token_id",
    "decoder_start_token_id",
    "transformers_version",
    "_name_or_path",
    "name_or_path",
    "use_cache",
    "initializer_range",
    "sliding_window",
    "max_window_layers",
    "pretraining_tp",
    "output_attentions",
    "output_hidden_states",
    "return_dict",
    "use_return_dict",
    "is_encoder_decoder",
    "is_decoder",
    "tie_encoder_decoder",
    "chunk_size_feed_forward",
    "id2label",
    "label2id",
    "problem_type",
    "tokenizer_class",
    "prefix",
    "task_specific_params",
    "finetuning_task",
    "max_length",
    "attn_implementation",
    "_attn_implementation",
    "gradient_checkpointing",
    "keys_to_ignore_at_inference",
    "bad_words_ids",
    "num_beams",
    "temperature",
    "top_p",
    "top_k",
    "do_sample",
    "repetition_penalty",
}


def _rope(data: dict) -> tuple:
    """(theta, scaling) from either layout. transformers 5 keeps everything in rope_parameters; the
    Hub layout has rope_theta beside rope_scaling. Inside rope_parameters, its own rope_theta wins,
    as in transformers."""
    params = data.get("rope_parameters")
    where = "rope_parameters"
    if params is None:
        params, where = data.get("rope_scaling"), "rope_scaling"
    params = dict(params or {})
    if any(isinstance(v, dict) for v in params.values()):
        raise ConfigError(f"config.json {where} is nested per layer type: the learner supports one RoPE for all layers")
    theta = float(params.pop("rope_theta", data.get("rope_theta", 10000.0)))
    kind = params.pop("rope_type", params.pop("type", "default"))
    if kind == "default":
        rest = sorted(k for k in params if k != "partial_rotary_factor" or params[k] not in (None, 1, 1.0))
        if rest:
            raise ConfigError(
                f"config.json {where}.{rest[0]} is not understood for rope_type 'default': remove it "
                "or use a model the learner supports"
            )
        return theta, None
    if kind != "llama3":
        raise ConfigError(
            f"config.json {where}.rope_type '{kind}' is not supported: the learner implements " "'default' and 'llama3'"
        )
    params.setdefault("original_max_position_embeddings", data.get("max_position_embeddings"))
    missing = [k for k in LLAMA3_KEYS if params.get(k) is None]
    unknown = sorted(set(params) - set(LLAMA3_KEYS))
    if missing or unknown:
        name = (missing or unknown)[0]
        raise ConfigError(
            f"config.json {where}.{name} is {'missing' if missing else 'not understood'} for "
            "rope_type 'llama3' (it takes factor, low_freq_factor, high_freq_factor, "
            "original_max_position_embeddings)"
        )
    return theta, {"rope_type": "llama3", **{k: params[k] for k in LLAMA3_KEYS}}


def check_keys(data: dict) -> None:
    """Refuse the first key that would change the maths in a way the learner does not compute."""
    for key in sorted(data):
        if key in READ or key in INERT:
            continue
        if key in NEUTRAL:
            if not NEUTRAL[key](data[key]):
                raise ConfigError(
                    f"config.json {key}={data[key]!r} changes the model's maths and is not "
                    "implemented by the learner: use a model without it"
                )
            continue
        raise ConfigError(
            f"config.json key '{key}' is not understood by the learner and may change the model's "
            "maths: remove it if it does not, or use a supported Qwen2/Qwen3/Llama model"
        )


def config_from_hf(data: dict) -> ModelConfig:
    """Our ModelConfig from a Hugging Face config.json; unknown architectures are refused."""
    arch_names = data.get("architectures") or []
    arch = next((ARCHITECTURES[a] for a in arch_names if a in ARCHITECTURES), None)
    if arch is None:
        arch = {"qwen2": "qwen2", "qwen3": "qwen3", "llama": "llama"}.get(data.get("model_type", ""))
    if arch is None:
        raise ConfigError(
            f"unsupported architecture {arch_names or data.get('model_type')}: supported are "
            f"{', '.join(ARCHITECTURES)}"
        )
    check_keys(data)
    if arch != "llama" and data.get("attention_bias"):
        raise ConfigError(f"config.json attention_bias=true is not implemented for {arch}: use a model without it")
    theta, scaling = _rope(data)
    heads = data["num_attention_heads"]
    consumed = READ | {"hidden_act"}
    return ModelConfig(
        architecture=arch,
        vocab_size=data["vocab_size"],
        hidden_size=data["hidden_size"],
        intermediate_size=data["intermediate_size"],
        num_hidden_layers=data["num_hidden_layers"],
        num_attention_heads=heads,
        num_key_value_heads=data.get("num_key_value_heads") or heads,
        head_dim=data.get("head_dim") or data["hidden_size"] // heads,
        rms_norm_eps=data.get("rms_norm_eps", 1e-6),
        rope_theta=theta,
        rope_scaling=scaling,
        max_position_embeddings=data.get("max_position_embeddings", 4096),
        tie_word_embeddings=data.get("tie_word_embeddings", arch != "llama"),
        attention_bias=bool(data.get("attention_bias", False)),
        extra={k: v for k, v in data.items() if k not in consumed},
    )


def config_to_hf(config: ModelConfig) -> dict:
    """A Hugging Face config.json for `config`, in the Hub layout (what transformers 4 and 5 and vLLM read)."""
    names = {v: k for k, v in ARCHITECTURES.items()}
    data = dict(config.extra)
    data.update(
        {
            "architectures": [names[config.architecture]],
            "model_type": config.architecture,
            "vocab_size": config.vocab_size,
            "hidden_size": config.hidden_size,
            "intermediate_size": config.intermediate_size,
            "num_hidden_layers": config.num_hidden_layers,
            "num_attention_heads": config.num_attention_heads,
            "num_key_value_heads": config.num_key_value_heads,
            "head_dim": config.head_dim,
            "rms_norm_eps": config.rms_norm_eps,
            "rope_theta": config.rope_theta,
            "rope_scaling": dict(config.rope_scaling) if config.rope_scaling else None,
            "max_position_embeddings": config.max_position_embeddings,
            "tie_word_embeddings": config.tie_word_embeddings,
            "hidden_act": "silu",
            "torch_dtype": "float32",
        }
    )
    if config.architecture == "llama":
        data["attention_bias"] = config.attention_bias
    return data
