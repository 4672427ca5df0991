"""Tinker's binary wire (application/x-protobuf) on the server side: message classes built at import from
our schema learner/tinker_public.json (the SDK's names and field numbers), a forward_backward body parsed
into tensors, forward_backward / sample results serialised, and request bodies sent with Content-Encoding: zstd
(the SDK's proto_compress_fwdbwd) decompressed. Needs the protobuf package; without it `available()` is False
and the server speaks JSON only. Without the zstandard package `zstd_available()` is False, and client/config
tells the SDK to send its bodies uncompressed.
"""
import json
import os
from typing import Dict, List, Optional, Tuple

import numpy as np
import torch

from .futures import UserError

CONTENT_TYPE = "application/x-protobuf"
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tinker_public.json")
DTYPE_FLOAT32, DTYPE_INT64, DTYPE_INT32 = 1, 2, 3
_messages: Optional[Dict[str, type]] = None
_missing: Optional[str] = None

SCALARS = {"string": 9, "bytes": 12, "bool": 8, "int32": 5, "uint32": 13, "int64": 3, "double": 1, "float": 2}


def _descriptor(schema: dict):
    """protobufjs JSON (messages, enums, oneofs, maps) -> a FileDescriptorProto of package tinker_public."""
    from google.protobuf import descriptor_pb2

    FD = descriptor_pb2.FieldDescriptorProto
    package, body = next(iter(schema["nested"].items()))
    file = descriptor_pb2.FileDescriptorProto(name="r1ci_tinker_public.proto", package=package, syntax="proto3")
    enums = {name for name, node in body["nested"].items() if "values" in node}
    for name, node in body["nested"].items():
        if name in enums:
            enum = file.enum_type.add(name=name)
            for value_name, number in node["values"].items():
                enum.value.add(name=value_name, number=number)
            continue
        message = file.message_type.add(name=name)
        oneof_of = {}
        for index, (oneof_name, oneof) in enumerate((node.get("oneofs") or {}).items()):
            message.oneof_decl.add(name=oneof_name)
            oneof_of.update({field: index for field in oneof["oneof"]})
        for field_name, spec in node["fields"].items():
            field = message.field.add(name=field_name, number=spec["id"], label=FD.LABEL_OPTIONAL)
            if "keyType" in spec:  # map<k, v>: a repeated nested XxxEntry message
                entry_name = "".join(p.capitalize() for p in field_name.split("_")) + "Entry"
                entry = message.nested_type.add(name=entry_name)
                entry.options.map_entry = True
                entry.field.add(name="key", number=1, label=FD.LABEL_OPTIONAL, type=SCALARS[spec["keyType"]])
                value = entry.field.add(name="value", number=2, label=FD.LABEL_OPTIONAL)
                _set_type(value, spec["type"], package, enums)
                field.label, field.type, field.type_name = (
                    FD.LABEL_REPEATED,
                    FD.TYPE_MESSAGE,
                    f".{package}.{name}.{entry_name}",
                )
                continue
            _set_type(field, spec["type"], package, enums)
            if spec.get("rule") == "repeated":
                field.label = FD.LABEL_REPEATED
            if field_name in oneof_of:
                field.oneof_index = oneof_of[field_name]
    return file


def _set_type(field, type_name: str, package: str, enums: set) -> None:
    from google.protobuf import descriptor_pb2

    FD = descriptor_pb2.FieldDescriptorProto
    if type_name in SCALARS:
        field.type = SCALARS[type_name]
    else:
        field.type = FD.TYPE_ENUM if type_name in enums else FD.TYPE_MESSAGE
        field.type_name = f".{package}.{type_name}"


def messages() -> Dict[str, type]:
    """The message classes by name; raises UserError (415) when protobuf is not installed."""
    global _messages, _missing
    if _messages is None and _missing is None:
        try:
            from google.protobuf import descriptor_pool, message_factory

            with open(SCHEMA) as f:
                file = _descriptor(json.load(f))
            pool = descriptor_pool.DescriptorPool()
            pool.AddSerializedFile(file.SerializeToString())
            # GetMessageClass since protobuf 4.21; Debian 12 has 3.21, with MessageFactory.GetPrototype.
            make = (
                getattr(message_factory, "GetMessageClass", None) or message_factory.MessageFactory(pool).GetPrototype
            )
            _messages = {
                m.name: make(pool.FindMessageTypeByName(f"{file.package}.{m.name}")) for m in file.message_type
            }
        except ImportError as e:
            _missing = str(e)
    if _messages is None:
        error = UserError(f"this learner's Python lacks protobuf ({_missing}): pip install protobuf, or send JSON")
        error.status = 415
        raise error
    return _messages


def available() -> bool:
    try:
        messages()
        return True
    except UserError:
        return False


def _zstandard():
    """The zstandard module, or a UserError (415) when this Python lacks it."""
    try:
        import zstandard
    except ImportError as e:
        error = UserError(
            f"this learner's Python lacks zstandard ({e}), so client/config answers proto_compress_fwdbwd false: "
            "send the body uncompressed, or pip install zstandard"
        )
        error.status = 415
        raise error
    return zstandard


def zstd_available() -> bool:
    try:
        _zstandard()
        return True
    except UserError:
        return False


def decode_body(body: bytes, encoding: Optional[str], max_bytes: int) -> bytes:
    """A request body as its Content-Encoding header says it was sent -> the body itself: identity as is, zstd
    decompressed to at most max_bytes (413 beyond), anything else 415. A corrupt zstd frame is a 400."""
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding != "zstd":
        error = UserError(f"Content-Encoding {encoding} is not supported: send zstd or an uncompressed body")
        error.status = 415
        raise error
    zstandard = _zstandard()
    try:
        # The frame header states the size (the SDK's ZstdCompressor and ZSTD_compress write it): a body that
        # would inflate past the request limit is refused before anything is allocated.
        size = zstandard.frame_content_size(body)
        if size > max_bytes:
            error = UserError(f"a zstd body of {size} bytes decompressed exceeds the limit of {max_bytes}")
            error.status = 413
            raise error
        # Without a stated size (-1), decompression stops at max_bytes and an unfinished frame is an error.
        return zstandard.ZstdDecompressor().decompress(body, max_output_size=max_bytes)
    except zstandard.ZstdError as e:
        raise UserError(f"malformed zstd body (or one past {max_bytes} bytes decompressed): {e}") from e


def _tensor(t, where: str) -> torch.Tensor:
    dtype = {DTYPE_FLOAT32: np.float32, DTYPE_INT64: np.int64}.get(t.dtype)
    if dtype is None:
        raise UserError(f"{where}: dtype {t.dtype} is not float32 (1) or int64 (2)")
    encoding = t.WhichOneof("encoding")
    if encoding == "sparse_csr":  # the SDK sends 2-D tensors as CSR when that is smaller
        shape = list(t.shape)
        if len(shape) != 2:
            raise UserError(f"{where}: a sparse_csr tensor needs a 2-D shape, got {shape}")
        crow = np.frombuffer(t.sparse_csr.crow_indices, dtype=np.int64)
        col = np.frombuffer(t.sparse_csr.col_indices, dtype=np.int64)
        values = np.frombuffer(t.sparse_csr.values, dtype=dtype)
        rows, cols = shape
        if rows < 0 or cols < 0 or rows * cols > 1 << 28:
            raise UserError(f"{where}: sparse_csr shape {shape} is out of range")
        # Checked here, not by torch's sparse tensors (which crash on a CSR that breaks its invariants).
        if (
            len(crow) != rows + 1
            or crow[0] != 0
            or np.any(np.diff(crow) < 0)
            or crow[-1] != len(col)
            or len(col) != len(values)
            or (len(col) and (col.min() < 0 or col.max() >= cols))
        ):
            raise UserError(
                f"{where}: bad sparse_csr tensor (crow_indices, col_indices and values do not fit shape {shape})"
            )
        out = np.zeros((rows, cols), dtype=dtype)
        out[np.repeat(np.arange(rows), np.diff(crow)), col] = values
        return torch.from_numpy(out)
    values = torch.from_numpy(np.frombuffer(t.dense, dtype=dtype).copy())
    shape = list(t.shape)
    if shape and int(np.prod(shape)) == values.numel():
        values = values.reshape(shape)
    return values


def parse_forward_backward(body: bytes) -> Tuple[dict, bool]:
    """A ForwardBackwardRequest body -> (the JSON-shaped request with tensors in place of lists, forward_only)."""
    msg = messages()["ForwardBackwardRequest"]()
    from google.protobuf.message import DecodeError

    try:
        msg.ParseFromString(body)
    except DecodeError as e:
        raise UserError(f"malformed protobuf ForwardBackwardRequest: {e}") from e
    data = []
    for i, datum in enumerate(msg.data):
        tokens: List[int] = []
        for chunk in datum.model_input:
            if chunk.WhichOneof("chunk") != "encoded_text":
                raise UserError(f"forward_backward_input.data[{i}].model_input: only encoded_text chunks are supported")
            tokens.extend(np.frombuffer(chunk.encoded_text.tokens, dtype=np.int32).tolist())
        inputs = {
            k: _tensor(v, f"forward_backward_input.data[{i}].loss_fn_inputs.{k}")
            for k, v in datum.loss_fn_inputs.items()
        }
        data.append({"model_input": {"chunks": [{"type": "encoded_text", "tokens": tokens}]}, "loss_fn_inputs": inputs})
    request = {
        "model_id": msg.model_id,
        "seq_id": msg.seq_id or None,
        "forward_backward_input": {
            "data": data,
            "loss_fn": msg.loss_fn,
            "loss_fn_config": dict(msg.loss_fn_config) or None,
        },
    }
    return request, msg.forward_only


def _floats(x: torch.Tensor) -> np.ndarray:
    return torch.nan_to_num(x.detach().float(), posinf=1e30, neginf=-1e30).cpu().numpy()


def forward_backward_output(output: dict) -> bytes:
    """{loss_fn_output_type, loss_fn_outputs: [{name: tensor}], metrics} -> a ForwardBackwardOutput: one
    ArrayRecord, each field's per-datum arrays concatenated with int64 byte offsets."""
    m = messages()
    proto = m["ForwardBackwardOutput"](loss_fn_output_type=output["loss_fn_output_type"])
    for name, value in output["metrics"].items():
        proto.metrics[name] = float(value)
    outputs = output["loss_fn_outputs"]
    if outputs:
        record = proto.loss_fn_outputs.add(num_datums=len(outputs))
        for name in dict.fromkeys(k for o in outputs for k in o):
            arrays = [_floats(o[name]).ravel() if name in o else np.zeros(0, np.float32) for o in outputs]
            offsets = np.zeros(len(arrays) + 1, dtype=np.int64)
            np.cumsum([a.nbytes for a in arrays], out=offsets[1:])
            tensor = record.fields[name]
            tensor.data, tensor.offsets, tensor.dtype = (
                b"".join(a.tobytes() for a in arrays),
                offsets.tobytes(),
                DTYPE_FLOAT32,
            )
    return proto.SerializeToString()


def sample_output(output: dict) -> bytes:
    """{sequences: [{tokens, logprobs, stop_reason}], prompt_logprobs?} -> a SampleResponse (NaN where a
    prompt logprob is undefined)."""
    m = messages()
    proto = m["SampleResponse"]()
    for s in output["sequences"]:
        proto.sequences.add(
            stop_reason=0 if s["stop_reason"] == "stop" else 1,
            tokens=np.asarray(s["tokens"], dtype=np.int32).tobytes(),
            logprobs=np.asarray(s["logprobs"], dtype=np.float32).tobytes(),
        )
    if output.get("prompt_logprobs") is not None:
        proto.prompt_logprobs = np.array(
            [np.nan if x is None else x for x in output["prompt_logprobs"]], dtype=np.float32
        ).tobytes()
    return proto.SerializeToString()
