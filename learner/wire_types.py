"""The request shapes of the Tinker-shaped API as the server reads them (the TS side's twin is
src/learner/types.ts): each parser takes a JSON body part and returns our typed value, or raises a
UserError naming the field. A field Tinker's SDK always sends and that changes what a step does
(adam_params.learning_rate, sampling_params.max_tokens) is required here: a missing one is the
caller's bug, and a guessed value would train or sample differently without a word.
"""
from dataclasses import dataclass, fields
from typing import Dict, List

import torch

from . import sampling
from .futures import UserError
from .optim import AdamParams
from .trainer import Datum


def need(body: dict, key: str, kind, where: str = "request"):
    """body[key], which must be present, not null, and of `kind` (an int passes as a float)."""
    if key not in body or body[key] is None:
        raise UserError(f"{where}.{key} is missing")
    value = body[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise UserError(f"{where}.{key} must be {getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def tokens_of(model_input, where: str) -> List[int]:
    """ModelInput {chunks: [{type: encoded_text, tokens: [...]}, ...]} -> token ids."""
    if not isinstance(model_input, dict) or not isinstance(model_input.get("chunks"), list):
        raise UserError(f"{where} must be a ModelInput {{chunks: [{{type: 'encoded_text', tokens: [...]}}]}}")
    out: List[int] = []
    for chunk in model_input["chunks"]:
        if not isinstance(chunk, dict) or chunk.get("type", "encoded_text") != "encoded_text":
            raise UserError(f"{where}: only encoded_text chunks are supported")
        ids = chunk.get("tokens")
        if not isinstance(ids, list) or not all(isinstance(t, int) and not isinstance(t, bool) for t in ids):
            raise UserError(f"{where}: chunk.tokens must be a list of integers")
        out.extend(ids)
    return out


def tensor_of(value, key: str, where: str) -> torch.Tensor:
    """TensorData {data, dtype, shape} (or a bare list, or a tensor the protobuf wire decoded) -> a 1-D tensor."""
    if isinstance(value, torch.Tensor):
        if value.dim() == 2 and value.shape[0] == 1:  # one row per datum, as a 2-D (e.g. CSR) tensor
            value = value[0]
        if value.dim() != 1:
            shape = list(value.shape)
            raise UserError(f"{where}.{key} has shape {shape}: this learner takes one value per token (1-D)")
        return value.long() if key == "target_tokens" else value
    data = value.get("data") if isinstance(value, dict) else value
    if not isinstance(data, list) or not all(isinstance(x, (int, float)) for x in data):
        raise UserError(f"{where}.{key} must be TensorData {{data: [numbers], dtype, shape}} or a list of numbers")
    int64 = key == "target_tokens" or (isinstance(value, dict) and value.get("dtype") == "int64")
    dtype = torch.long if int64 else torch.float32
    return torch.tensor(data, dtype=dtype)


def parse_data(data, where: str) -> List[Datum]:
    """A list of Datum {model_input, loss_fn_inputs}; every per-token input as long as the input."""
    if not isinstance(data, list) or not data:
        raise UserError(f"{where}.data must be a non-empty list of Datum")
    out = []
    for i, d in enumerate(data):
        here = f"{where}.data[{i}]"
        if not isinstance(d, dict):
            raise UserError(f"{here} must be an object {{model_input, loss_fn_inputs}}")
        ids = tokens_of(d.get("model_input"), f"{here}.model_input")
        if not ids:
            raise UserError(f"{here}.model_input has no tokens")
        inputs = {k: tensor_of(v, k, f"{here}.loss_fn_inputs") for k, v in (d.get("loss_fn_inputs") or {}).items()}
        for k, v in inputs.items():
            if v.shape[0] != len(ids):
                raise UserError(f"{here}.loss_fn_inputs.{k} has {v.shape[0]} values for {len(ids)} tokens")
        out.append(Datum(ids, inputs))
    return out


@dataclass
class ForwardBackwardInput:
    data: List[Datum]
    loss_fn: str
    loss_fn_config: Dict[str, float]


def parse_forward_backward_input(spec: dict, where: str, losses) -> ForwardBackwardInput:
    """ForwardBackwardInput {data, loss_fn, loss_fn_config?}; loss_fn must be one of `losses`."""
    data = parse_data(spec.get("data"), where)
    loss_fn = need(spec, "loss_fn", str, where)
    if loss_fn not in losses:
        raise UserError(f"{where}.loss_fn '{loss_fn}' is not supported: use one of {', '.join(losses)}")
    config = spec.get("loss_fn_config") or {}  # optional in Tinker's type: no config is an empty one
    if not isinstance(config, dict) or not all(is_number(v) for v in config.values()):
        raise UserError(f"{where}.loss_fn_config must map names to numbers")
    return ForwardBackwardInput(data, loss_fn, {k: float(v) for k, v in config.items()})


def parse_adam_params(raw: dict) -> AdamParams:
    """AdamParams: learning_rate required; the rest keep Tinker's defaults (its SDK sends them all)."""
    names = [f.name for f in fields(AdamParams)]
    unknown = [k for k in raw if k not in names]
    if unknown:
        raise UserError(f"adam_params has unknown fields {', '.join(unknown)}: it takes {', '.join(names)}")
    if raw.get("learning_rate") is None:
        raise UserError(
            "adam_params.learning_rate is missing: send the step's learning rate " "(this learner has no default)"
        )
    bad = [k for k, v in raw.items() if not is_number(v)]
    if bad:
        raise UserError(f"adam_params.{bad[0]} must be a number, got {type(raw[bad[0]]).__name__}")
    return AdamParams(**{k: float(v) for k, v in raw.items()})


def stop_lists(stop) -> tuple:
    """Tinker's `stop` (a string, strings, or token ids; we also take a mix) -> (byte strings, ids)."""
    items = [stop] if isinstance(stop, (str, int)) else list(stop or [])
    strings = [s.encode() for s in items if isinstance(s, str) and s]
    ids = [s for s in items if isinstance(s, int) and not isinstance(s, bool)]
    if len(strings) + len(ids) != len([s for s in items if s != ""]):
        raise UserError("sampling_params.stop must be a string, or a list of strings and/or token ids")
    return strings, ids


def parse_sampling_params(raw: dict) -> sampling.SamplingParams:
    """SamplingParams: max_tokens required (Tinker's type allows none, but this learner has no
    context-length budget to fall back on); temperature, top_p, top_k keep Tinker's defaults."""
    strings, ids = stop_lists(raw.get("stop"))
    ids += [int(i) for i in raw.get("stop_token_ids") or []]
    budget = raw.get("max_tokens")
    if budget is None:
        raise UserError("sampling_params.max_tokens is missing: send a token budget (this learner has no default)")
    if not isinstance(budget, int) or isinstance(budget, bool) or budget < 1:
        raise UserError(f"sampling_params.max_tokens must be a positive integer, got {budget!r}")
    try:
        params = sampling.SamplingParams(
            max_tokens=budget,
            temperature=float(raw.get("temperature", 1.0)),
            top_p=float(raw.get("top_p", 1.0)),
            top_k=int(raw.get("top_k", -1)),
            seed=None if raw.get("seed") is None else int(raw["seed"]),
            stop_strings=strings,
            stop_token_ids=ids,
        )
    except (TypeError, ValueError) as e:
        raise UserError(f"sampling_params: {e}") from e
    if not 0 < params.top_p <= 1:
        raise UserError("sampling_params.top_p must be in (0, 1]")
    return params
