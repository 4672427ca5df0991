"""Retries by seq_id: the Tinker SDK numbers a model's training requests with `seq_id` and sends a retry with the
same number, as SkyRL-tx's API de-duplicates them. A request whose (model_id, seq_id) was already queued gets the
first request's future back, so a retried forward_backward or optim_step is applied once; the same pair with
another body is a 409 (the client reused a number)."""
import hashlib
import threading
from collections import OrderedDict
from typing import Callable

from .futures import UserError

# Verbs whose request carries a model-wide seq_id (the SDK's training client stamps these).
SEQUENCED = ("forward", "forward_backward", "optim_step", "save_weights", "load_weights", "save_weights_for_sampler")


class SeqIdReused(UserError):
    status = 409


class Ledger:
    """The futures of sequenced requests by (model_id, seq_id), the last `keep` of them."""

    def __init__(self, keep: int = 4096):
        self.keep = keep
        self.seen: "OrderedDict[tuple, tuple]" = OrderedDict()  # (model_id, seq_id) -> (digest, answer)
        self.lock = threading.Lock()

    def submit(self, verb: str, body: dict, raw: bytes, run: Callable[[], dict]) -> dict:
        """run()'s answer, or the answer already given to this request. `raw` is the request body as sent
        (JSON or protobuf): a retry sends the same bytes."""
        model_id, seq_id = body.get("model_id"), body.get("seq_id")
        numbered = isinstance(seq_id, int) and not isinstance(seq_id, bool)
        if verb not in SEQUENCED or not isinstance(model_id, str) or not numbered:
            return run()
        digest = hashlib.sha256(verb.encode() + b"\0" + raw).digest()
        key = (model_id, seq_id)
        with self.lock:  # held while queueing, so two concurrent retries cannot both be applied
            if key in self.seen:
                first, answer = self.seen[key]
                if first != digest:
                    raise SeqIdReused(
                        f"seq_id {seq_id} of model {model_id} was already used by another request; "
                        "number each new training request with the next seq_id"
                    )
                return answer
            answer = run()
            self.seen[key] = (digest, answer)
            while len(self.seen) > self.keep:
                self.seen.popitem(last=False)
            return answer
