"""The verbs of the Tinker-shaped API over JSON bodies: parse, validate (UserError on bad input),
and run on the models this server holds. Heavy verbs return a future (see futures.py).
"""
import json
import math
import os
import threading
import time
import uuid
from typing import Dict, List, Optional

import torch

from . import checkpoint, hf, memory, sampling, trainer, wire
from .futures import Futures, NotFound, UserError, failure
from .lora import apply_lora, has_lora, save_adapter, target_names
from .tiny import write_tiny
from .tokens import load_table
from .wire_types import (
    is_number,
    need,
    parse_adam_params,
    parse_forward_backward_input,
    parse_sampling_params,
    tokens_of,
)

PRESETS = ("tiny", "r1ci/tiny")
EXTENSIONS = [
    "low_var_kl",
    "value_head",
    "entropy",
    "clip_fraction",
    "sample_from_model_id",
    "lora_alpha",
    "lora_target_modules",
    "peft_adapter",
    "full_finetune",
    "mixed_stop",
    "temperature",
]


class OtherLoad:
    """Cores that other processes kept busy over the last `window_s` seconds: the machine's busy CPU
    time (/proc/stat) less this process's own (/proc/self/stat), divided by the window. A daemon
    thread samples both twice a window, so a job asks about the last half second or so, not about the
    instant it starts (a client that is runnable for a few ms as it sends the next request is no
    competitor; a sandbox that runs code through the window is)."""

    def __init__(self, window_s: float = 0.5, start: bool = True):
        self.window_s = window_s
        self.lock = threading.Lock()
        self.samples: List[tuple] = []  # (monotonic s, machine busy ticks, own ticks), oldest first
        self.busy: Optional[float] = None  # others' cores over the last window; None: unknown
        self.record()
        if start and self.samples:
            threading.Thread(target=self._loop, name="other-load", daemon=True).start()

    @staticmethod
    def read() -> Optional[tuple]:
        """(monotonic seconds, busy ticks of all cores, this process's ticks), or None without /proc."""
        try:
            with open("/proc/stat") as f:
                cpu = [int(x) for x in f.readline().split()[1:]]
            with open("/proc/self/stat") as f:
                own = f.read().rsplit(")", 1)[1].split()
        except (OSError, ValueError, IndexError):
            return None
        idle = cpu[3] + (cpu[4] if len(cpu) > 4 else 0)  # idle and iowait
        busy = sum(cpu[:8]) - idle  # user nice system idle iowait irq softirq steal (guest is in user)
        return time.monotonic(), busy, int(own[11]) + int(own[12])  # utime, stime (all threads)

    def record(self, sample: Optional[tuple] = None) -> None:
        sample = sample or self.read()
        if sample is None:
            return
        with self.lock:
            self.samples.append(sample)
            while len(self.samples) > 2 and sample[0] - self.samples[1][0] >= self.window_s:
                self.samples.pop(0)
            first = self.samples[0]
            seconds = sample[0] - first[0]
            if seconds >= self.window_s / 2:
                ticks = (sample[1] - first[1]) - (sample[2] - first[2])
                self.busy = max(0.0, ticks / TICKS_PER_S / seconds)

    def _loop(self) -> None:
        while True:
            time.sleep(self.window_s / 2)
            self.record()


TICKS_PER_S = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_other_load: Optional[OtherLoad] = None
_other_load_lock = threading.Lock()


def other_load() -> OtherLoad:
    global _other_load
    with _other_load_lock:
        if _other_load is None:
            _other_load = OtherLoad()
        return _other_load


def idle_cores(fallback: int) -> int:
    """Cores no other process kept busy over the last half second (at least 1): a core counts as busy
    from 0.3 of a core's time on, since a parallel region waits for its slowest thread; `fallback`
    where /proc cannot tell."""
    busy = other_load().busy
    if busy is None:
        return fallback
    return max(1, (os.cpu_count() or 1) - math.ceil(busy - 0.3))


class Service:
    def __init__(
        self,
        state_dir: str,
        device: torch.device,
        max_tokens_per_microbatch: int = 8192,
        max_sample_batch: int = 64,
        batch_requests: bool = True,
        train_threads: int = 0,
        sample_threads: int = 0,
    ):
        self.state_dir = os.path.abspath(state_dir)
        self.device = device
        self.max_tokens = max_tokens_per_microbatch
        self.max_sample_batch = max_sample_batch
        self.models: Dict[str, trainer.Trainable] = {}
        self.samplers: Dict[str, trainer.Trainable] = {}
        self.sessions: set = set()
        self.sampling_sessions: Dict[str, dict] = {}  # id -> {model_path} or {base_model}
        # Batched rows see other rows' padding, so their floats depend on which requests share a
        # batch; one request at a time makes sampling bit-reproducible whatever the timing.
        self.futures = Futures(max_batch=64 if batch_requests else 1)
        self.prefix = uuid.uuid4().hex[:6]
        self.count = 0
        # CPU threads for training and sampling jobs (0: the process's setting). All jobs run on the
        # futures' one worker thread, so switching around a job affects that job alone.
        self.train_threads = train_threads
        self.sample_threads = sample_threads
        # create_model runs on the HTTP threads: the first ones of 'tiny' would race to write its preset.
        self.preset_lock = threading.Lock()

    def training(self, job):
        """`job` run with the training thread count (when one is set), then the previous count restored."""
        return self.on_idle_cores(job, self.train_threads)

    def on_idle_cores(self, job, most: int):
        """`job` run with up to `most` CPU threads (0: the process's count, untouched), fewer where another
        process kept cores busy (a parallel region waits for its slowest thread: on a loaded 2-core box 2
        threads trained 4x slower than 1, docs/benchmarks.md), then the previous count restored."""
        if not most or self.device.type != "cpu":
            return job

        def run():
            before = torch.get_num_threads()
            try:
                self.use_idle_cores(most)
                return job()
            finally:
                if torch.get_num_threads() != before:
                    torch.set_num_threads(before)

        return run

    def use_idle_cores(self, most: int) -> None:
        """From now on, up to `most` threads, fewer where other processes keep cores busy (a long
        sampling batch asks again as it takes in rows: the sandbox may have started or stopped)."""
        if most and self.device.type == "cpu":
            threads = min(most, idle_cores(most))
            if threads != torch.get_num_threads():
                torch.set_num_threads(threads)

    # -- immediate verbs -------------------------------------------------------------------------
    def capabilities(self, _body: dict) -> dict:
        extensions = EXTENSIONS + (["protobuf_wire"] if wire.available() else [])
        return {
            "supported_models": [{"model_name": "tiny", "max_context_length": 4096}],
            "extensions": extensions,
            "device": str(self.device),
        }

    def create_session(self, _body: dict) -> dict:
        session_id = f"session-{self.prefix}-{len(self.sessions) + 1}"
        self.sessions.add(session_id)
        return {"type": "create_session", "session_id": session_id}

    def create_sampling_session(self, body: dict) -> dict:
        """A name for the weights a sampling client samples (the SDK's flow): a model_path or a base_model."""
        source = {k: body[k] for k in ("model_path", "base_model") if body.get(k) is not None}
        if len(source) != 1 or not isinstance(next(iter(source.values())), str):
            raise UserError("create_sampling_session needs exactly one of model_path or base_model")
        if "model_path" in source:
            self.resolve_path(source["model_path"], "sampler_weights")
        return {"type": "create_sampling_session", "sampling_session_id": self.new_sampling_session(source)}

    def new_sampling_session(self, source: dict) -> str:
        sampling_session_id = f"sampling-{self.prefix}-{len(self.sampling_sessions) + 1}"
        self.sampling_sessions[sampling_session_id] = source
        return sampling_session_id

    def get_info(self, body: dict) -> dict:
        t = self.model(body)
        lora = t.info.get("lora_rank")
        return {
            "type": "get_info",
            "model_id": body["model_id"],
            "model_name": t.info["base_model"],
            "is_lora": lora is not None,
            "lora_rank": lora,
            "model_data": {
                "arch": t.model.config.architecture,
                "model_name": t.info["base_model"],
                "tokenizer_id": t.folder,
            },
            "vocab_size": t.model.config.vocab_size,
            "value_head": t.model.value_head is not None,
            "steps": t.steps,
        }

    def retrieve_future(self, body: dict) -> dict:
        wait = body.get("wait_s")  # our long-poll extension; a client that leaves it out (or null) waits 5 s
        wait = 5.0 if wait is None else wait
        if not is_number(wait):
            raise UserError(f"request.wait_s must be a number of seconds, got {type(wait).__name__}")
        return self.futures.retrieve(need(body, "request_id", str), min(max(wait, 0.0), 30.0))

    # -- future verbs ------------------------------------------------------------------------------
    def model(self, body: dict) -> trainer.Trainable:
        model_id = need(body, "model_id", str)
        if model_id not in self.models:
            raise NotFound(f"unknown model_id '{model_id}': create it with create_model first")
        return self.models[model_id]

    def base_folder(self, base_model: str) -> str:
        if base_model in PRESETS:
            folder = os.path.join(self.state_dir, "presets", "tiny")
            with self.preset_lock:
                if not os.path.isfile(os.path.join(folder, "config.json")):
                    os.makedirs(os.path.dirname(folder), exist_ok=True)
                    write_tiny(folder)
            return folder
        if os.path.isfile(os.path.join(base_model, "config.json")) or hf.is_adapter(base_model):
            return os.path.abspath(base_model)
        raise UserError(
            f"unknown base_model '{base_model}': use 'tiny', the path of a Hugging Face model folder "
            "or of a PEFT adapter folder"
        )

    def create_model(self, body: dict) -> dict:
        base = need(body, "base_model", str)
        folder = self.base_folder(base)
        lora = body.get("lora_config")
        if lora is not None and not isinstance(lora, dict):
            raise UserError("request.lora_config must be an object {rank, alpha?, target_modules?, seed?}")

        adapter = hf.is_adapter(folder)
        if adapter and lora:
            raise UserError("base_model is a PEFT adapter folder, which sets the LoRA config: drop lora_config")
        checkpointing = body.get("gradient_checkpointing", self.device.type == "cuda")  # extension
        if not isinstance(checkpointing, bool):
            raise UserError("request.gradient_checkpointing must be true or false")
        self.check_memory(folder, lora, bool(body.get("reference_model")), checkpointing)
        # On GPU a LoRA base is frozen: bf16 is enough. Full fine-tuning keeps float32 master weights
        # (bf16 weights would round small AdamW updates away) and computes in bf16 autocast.
        dtype = torch.bfloat16 if self.device.type == "cuda" and (lora or adapter) else torch.float32

        def job():
            model = hf.load_model(folder, self.device, dtype)
            model.gradient_checkpointing = checkpointing
            tokenizer = hf.adapter_base(folder) if adapter else folder
            t = trainer.Trainable(model, tokenizer, self.device, max_tokens_per_microbatch=self.max_tokens)
            t.info["base_model"] = base
            if adapter:
                t.info["lora_rank"] = int(next(m.lora_A.shape[0] for m in model.modules() if hasattr(m, "lora_A")))
            if lora:
                rank = need(lora, "rank", int, "lora_config")
                targets = target_names(
                    lora.get("train_attn", True), lora.get("train_mlp", True), lora.get("target_modules")
                )
                apply_lora(t.model, rank, float(lora.get("alpha", 32)), targets, int(lora.get("seed") or 0))
                t.info["lora_rank"] = rank
            if body.get("value_head"):
                t.model.add_value_head()
            if body.get("reference_model"):
                t.keep_reference()
            self.count += 1
            model_id = f"model-{self.prefix}-{self.count}"
            self.models[model_id] = t
            return {"type": "create_model", "model_id": model_id}

        return self.futures.submit(job)

    def check_memory(self, folder: str, lora: Optional[dict], reference: bool, checkpointing: bool) -> None:
        """Refuse up front, in one line, a model that will not fit the device (or R1CI_LEARNER_MEMORY_BUDGET)."""
        budget = memory.budget_from_env(self.device)
        if budget is None:
            return
        config = hf.read_config(hf.adapter_base(folder) if hf.is_adapter(folder) else folder)
        rank = int(lora["rank"]) if lora and isinstance(lora.get("rank"), int) else None
        if hf.is_adapter(folder):
            with open(os.path.join(folder, "adapter_config.json")) as f:
                rank = int(json.load(f).get("r", 8))
        plan = memory.estimate(config, rank, self.max_tokens, checkpointing, reference)
        mode = "LoRA" if rank else "full"
        what = f"training {os.path.basename(folder.rstrip('/'))} ({mode}, {self.max_tokens} tokens per micro-batch)"
        try:
            memory.check(plan, budget, what)
        except memory.MemoryPlanError as e:
            raise UserError(str(e)) from e

    def forward_backward(self, body: dict, backward: bool = True) -> dict:
        # /forward sends forward_input; a protobuf forward_backward with forward_only keeps forward_backward_input
        key = "forward_input" if not backward and "forward_backward_input" not in body else "forward_backward_input"
        t = self.model(body)
        spec = parse_forward_backward_input(need(body, key, dict), key, trainer.LOSSES)
        return self.futures.submit(
            self.training(lambda: to_wire(trainer.run(t, spec.data, spec.loss_fn, spec.loss_fn_config, backward)))
        )

    def forward(self, body: dict) -> dict:
        return self.forward_backward(body, backward=False)

    def optim_step(self, body: dict) -> dict:
        t = self.model(body)
        adam = parse_adam_params(need(body, "adam_params", dict))
        return self.futures.submit(self.training(lambda: {"type": "optim_step", "metrics": t.optim_step(adam)}))

    def checkpoint_path(self, body: dict, kind: str) -> tuple:
        """(the folder to write, the path to answer): an absolute folder is both; a name is written under the
        state dir and answered as tinker://model_id/weights/NAME or tinker://model_id/sampler_weights/NAME."""
        name = body.get("path") or f"step-{self.model(body).steps:06d}"
        if not isinstance(name, str) or ".." in name.split("/"):
            raise UserError("request.path must be a checkpoint name or an absolute folder path (no '..')")
        if os.path.isabs(name):
            return name, name
        if "/" in name:
            raise UserError(
                "request.path must be a checkpoint name (letters, digits, - and _) or an absolute folder path"
            )
        public = f"tinker://{body['model_id']}/{'weights' if kind == 'checkpoints' else 'sampler_weights'}/{name}"
        return os.path.join(self.state_dir, kind, body["model_id"], name), public

    def resolve_path(self, path: str, kind: str) -> str:
        """A path we answered -> its folder: tinker://MODEL/weights/NAME, tinker://MODEL/sampler_weights/NAME,
        tinker://MODEL/NAME (a sampler checkpoint), or an absolute folder."""
        if not path.startswith("tinker://"):
            return path
        parts = path[len("tinker://") :].split("/")
        if len(parts) == 2:
            parts = [parts[0], "sampler_weights", parts[1]]
        if (
            len(parts) != 3
            or parts[1] not in ("weights", "sampler_weights")
            or any(p in ("", ".", "..") for p in parts)
        ):
            raise UserError(
                f"bad path '{path}': use tinker://MODEL_ID/weights/NAME or tinker://MODEL_ID/sampler_weights/NAME"
            )
        folder = os.path.join(
            self.state_dir, "checkpoints" if parts[1] == "weights" else "sampler_weights", parts[0], parts[2]
        )
        if (kind == "weights") != (parts[1] == "weights"):
            raise UserError(f"'{path}' is a {parts[1]} path; this verb takes {kind} paths")
        if not os.path.isdir(folder):
            raise NotFound(f"no checkpoint at '{path}': save it first")
        return folder

    def save_weights(self, body: dict) -> dict:
        t, (path, public) = self.model(body), self.checkpoint_path(body, "checkpoints")
        meta = {"base_model": t.info["base_model"], "lora_rank": t.info.get("lora_rank")}

        def job():
            os.makedirs(os.path.dirname(path), exist_ok=True)
            written = checkpoint.save(t, path, meta)
            return {"type": "save_weights", "path": public if public != path else written}

        return self.futures.submit(job)

    def load_weights(self, body: dict) -> dict:
        t, path = self.model(body), self.resolve_path(need(body, "path", str), "weights")
        with_optimizer = bool(body.get("optimizer", False))

        def job():
            checkpoint.load(t, path, with_optimizer)
            return {"type": "load_weights", "path": path, "model_id": body["model_id"]}

        return self.futures.submit(job)

    def save_weights_for_sampler(self, body: dict) -> dict:
        session_seq = body.get("sampling_session_seq_id")
        for_session = (
            not body.get("path") and session_seq is not None
        )  # the SDK's save-and-sample: answer a sampling session
        if for_session:
            body = {**body, "path": f"ss{session_seq}-seq{body.get('seq_id')}"}
        t, (path, public) = self.model(body), self.checkpoint_path(body, "sampler_weights")
        adapter = bool(body.get("adapter_only", False))  # extension: the LoRA adapters alone, in PEFT's layout
        if adapter and not has_lora(t.model):
            raise UserError("adapter_only needs a LoRA model: create it with lora_config {rank}")

        def job():
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if adapter:
                save_adapter(t.model, path, t.info["base_model"])  # a folder vLLM on this machine loads
                return {"type": "save_weights_for_sampler", "path": path}
            hf.save_model(t.model, path, tokenizer_from=t.folder)
            self.samplers.pop(path, None)
            if for_session:
                return {
                    "type": "save_weights_for_sampler",
                    "path": None,
                    "sampling_session_id": self.new_sampling_session({"model_path": public}),
                }
            return {"type": "save_weights_for_sampler", "path": public}

        return self.futures.submit(job)

    def unload_model(self, body: dict) -> dict:
        self.model(body)
        return self.futures.submit(
            lambda: {"type": "unload_model", "model_id": self.models.pop(body["model_id"]) and body["model_id"]}
        )

    def sample(self, body: dict) -> dict:
        prompt = tokens_of(body.get("prompt"), "request.prompt")
        num = body.get("num_samples", 1)
        if not isinstance(num, int) or num < 1:
            raise UserError("request.num_samples must be a positive integer")
        params = parse_sampling_params(need(body, "sampling_params", dict))
        key, source = self.sampling_source(body)

        def run_stream(jobs: List[tuple], more, answer) -> None:
            """Concurrent requests for the same weights decode in one batch that takes in new requests
            between decoding steps, up to max_sample_batch rows, and answers each request when its
            sequences end; a bad request fails alone."""
            t = source()
            table = t.info.get("token_bytes")
            if table is None:
                table = t.info["token_bytes"] = load_table(t.folder, t.model.config.vocab_size)
            waiting: List[tuple] = []  # (request_id, request, sample index, seed): rows not yet in the batch
            owner: Dict[int, tuple] = {}  # id(row) -> (request_id, sample index)
            open_requests: Dict[str, dict] = {}  # request_id -> {request, prompt_logprobs, seqs, left}

            def queue(items: List[tuple]) -> None:
                for request_id, (request, want_prompt_logprobs) in items:
                    try:
                        sampling.check(request, t.model.config.vocab_size)
                    except ValueError as e:
                        answer(request_id, failure(e))
                        continue
                    seed = sampling.request_seed(request)
                    open_requests[request_id] = {
                        "request": request,
                        "prompt_logprobs": want_prompt_logprobs,
                        "seqs": [None] * request.num_samples,
                        "left": request.num_samples,
                    }
                    waiting.extend((request_id, request, i, seed) for i in range(request.num_samples))

            batch = sampling.Batch(t.model, table, self.device)
            queue(jobs)
            t.model.eval()
            with torch.no_grad(), t.autocast() if t.autocast else sampling.null_context():
                while waiting or batch.rows:
                    room = self.max_sample_batch - len(batch.rows) - len(waiting)
                    if room > 0:
                        wanted = [room]

                        def accept(payload) -> bool:
                            if wanted[0] <= 0:
                                return False
                            wanted[0] -= payload[0].num_samples
                            return True

                        queue(more(accept))
                    admit = waiting[: self.max_sample_batch - len(batch.rows)]
                    if admit:
                        del waiting[: len(admit)]
                        self.use_idle_cores(self.sample_threads)
                        rows = batch.admit(
                            [request for _, request, _, _ in admit],
                            [sampling.row_generator(seed, i) for _, _, i, seed in admit],
                        )
                        for row, (request_id, _, i, _) in zip(rows, admit):
                            owner[id(row)] = (request_id, i)
                    for row in batch.step():
                        request_id, i = owner.pop(id(row))
                        entry = open_requests[request_id]
                        entry["seqs"][i], entry["left"] = row.seq, entry["left"] - 1
                        if not entry["left"]:
                            del open_requests[request_id]
                            answer(request_id, sampled(t, entry))

        return self.futures.submit_streaming(
            key,
            (sampling.Request(prompt, num, params), bool(body.get("prompt_logprobs"))),
            lambda jobs, more, answer: self.on_idle_cores(
                lambda: run_stream(jobs, more, answer), self.sample_threads
            )(),
        )

    def sampling_source(self, body: dict):
        """Which weights to sample: a training model's live weights (model_id, our extension), a
        folder saved for the sampler (model_path), or a base model. Returns a key naming the weights
        (requests with one key may share a batch) and a loader."""
        if body.get("model_id"):
            t = self.model(body)
            return ("model", body["model_id"]), lambda: t
        if body.get("sampling_session_id") is not None:
            if body["sampling_session_id"] not in self.sampling_sessions:
                raise NotFound(
                    f"unknown sampling_session_id '{body['sampling_session_id']}': "
                    "create it with create_sampling_session"
                )
            body = self.sampling_sessions[body["sampling_session_id"]]
        path = body.get("model_path") or body.get("base_model")
        if not isinstance(path, str):
            raise UserError("sample needs model_id, model_path, base_model or sampling_session_id")
        folder = self.resolve_path(path, "sampler_weights") if body.get("model_path") else self.base_folder(path)

        def load():
            if folder not in self.samplers:
                if len(self.samplers) >= 2:
                    self.samplers.pop(next(iter(self.samplers)))
                dtype = torch.bfloat16 if self.device.type == "cuda" else torch.float32  # sampling only reads
                tokenizer = hf.adapter_base(folder) if hf.is_adapter(folder) else folder
                model = hf.load_model(folder, self.device, dtype)
                self.samplers[folder] = trainer.Trainable(model, tokenizer, self.device)
            return self.samplers[folder]

        return ("folder", folder), load


def sampled(t: trainer.Trainable, entry: dict) -> dict:
    """A sample request's answer: its sequences, and its prompt's logprobs where asked."""
    result = {
        "type": "sample",
        "sequences": [
            {"tokens": s.tokens, "logprobs": s.logprobs, "stop_reason": s.stop_reason} for s in entry["seqs"]
        ],
    }
    if entry["prompt_logprobs"]:
        result["prompt_logprobs"] = prompt_logprobs(t, entry["request"].prompt)
    return result


def prompt_logprobs(t: trainer.Trainable, prompt: List[int]) -> List[Optional[float]]:
    """The logprob of each prompt token given the ones before it (None for the first), by one forward pass."""
    if len(prompt) < 2:
        return [None] * len(prompt)
    datum = trainer.Datum(prompt[:-1], {"target_tokens": torch.tensor(prompt[1:], dtype=torch.long)})
    out = trainer.run(t, [datum], "cross_entropy", {}, False)["loss_fn_outputs"][0]["logprobs"]
    return [None] + [float(x) for x in out.tolist()]


def tensor_data(x: torch.Tensor) -> dict:
    """A 1-D float tensor as Tinker's TensorData; infinities become +-1e30 (JSON has no inf)."""
    x = torch.nan_to_num(x.float(), posinf=1e30, neginf=-1e30)
    return {"data": x.tolist(), "dtype": "float32", "shape": list(x.shape)}


def json_default(value):
    """json.dumps hook: result tensors stay tensors until the reply, which is JSON or protobuf by Accept."""
    if isinstance(value, torch.Tensor):
        return tensor_data(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_wire(output: dict) -> dict:
    return output
