"""The real Tinker SDK as a client of r1ci's learner (run by scripts/check-tinker-sdk.sh, never in CI): a LoRA
training client, forward, forward_backward (cross_entropy, importance_sampling), optim_step,
save_weights_for_sampler, sampling clients (by path and save-and-sample), sample, prompt logprobs, save and load
state, and whether forward_backward bodies went zstd-compressed (the learner's client/config offers it where its
Python has zstandard). Prints one line per check.

    TINKER_BASE_URL=http://127.0.0.1:PORT TINKER_API_KEY=tml-... python scripts/check_tinker_sdk.py
"""
import sys

import numpy as np
import tinker
import tinker.resources.training as sdk_training
from tinker import types

IM_END = 258


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + str(detail) if detail else ''}", flush=True)
    return ok


class CountingZstd:
    """Stands in for the zstandard module in the SDK's resources/training.py (d595dc2), which calls
    zstd.ZstdCompressor().compress(body) when client/config answers proto_compress_fwdbwd true; counts the bodies."""

    def __init__(self, zstd):
        self.zstd, self.bodies = zstd, []

    def ZstdCompressor(self):
        compressor = self.zstd.ZstdCompressor()

        def compress(body: bytes) -> bytes:
            out = compressor.compress(body)
            self.bodies.append((len(body), len(out)))
            return out

        return type("Compressor", (), {"compress": staticmethod(compress)})()


def main() -> int:
    results = []
    zstd = sdk_training.zstd = CountingZstd(sdk_training.zstd)
    service = tinker.ServiceClient()
    caps = service.get_server_capabilities()
    names = [m.model_name for m in caps.supported_models]
    results.append(check("get_server_capabilities", names == ["tiny"], names))
    training = service.create_lora_training_client(base_model="tiny", rank=2, seed=0, train_unembed=False)
    results.append(check("create_lora_training_client", bool(training.model_id), training.model_id))
    tokens = list(b"<think>2 + 3 = 5</think> The answer is 5.") + [IM_END]
    n = len(tokens) - 1
    datum = types.Datum(
        model_input=types.ModelInput.from_ints(tokens[:-1]),
        loss_fn_inputs={"target_tokens": np.array(tokens[1:], dtype=np.int64), "weights": np.ones(n, dtype=np.float32)},
    )
    forward = training.forward([datum], "cross_entropy").result()
    logprobs = forward.loss_fn_outputs[0]["logprobs"].to_numpy()
    ok = logprobs.shape == (n,) and bool(np.all(logprobs < 0))
    results.append(check("forward (forward_backward, forward_only)", ok, logprobs.shape))
    losses = []
    for step in range(2):
        out = training.forward_backward([datum], "cross_entropy").result()
        losses.append(out.metrics["loss:sum"])
        optim = training.optim_step(types.AdamParams(learning_rate=5e-2)).result()
        metrics = {**out.metrics, **(optim.metrics or {})}
        results.append(check(f"forward_backward + optim_step {step + 1}", "loss:sum" in out.metrics, metrics))
    after = training.forward([datum], "cross_entropy").result().loss_fn_outputs[0]["logprobs"].to_numpy()
    results.append(check("training lowers the loss", float(-after.sum()) < losses[0], (losses[0], float(-after.sum()))))
    ppo = types.Datum(
        model_input=types.ModelInput.from_ints(tokens[:-1]),
        loss_fn_inputs={
            "target_tokens": np.array(tokens[1:], dtype=np.int64),
            "logprobs": after.astype(np.float32),
            "advantages": np.full(n, 0.5, dtype=np.float32),
        },
    )
    out = training.forward_backward([ppo], "importance_sampling").result()
    results.append(check("forward_backward importance_sampling", bool(out.loss_fn_outputs), out.metrics))
    training.optim_step(types.AdamParams(learning_rate=1e-3)).result()

    saved = training.save_weights_for_sampler("sdk-check").result()
    results.append(check("save_weights_for_sampler", saved.path.startswith("tinker://"), saved.path))
    sampler = service.create_sampling_client(model_path=saved.path)
    prompt = types.ModelInput.from_ints(tokens[:8])
    params = types.SamplingParams(max_tokens=6, temperature=1.0, seed=1, stop=[IM_END])
    sample = sampler.sample(prompt=prompt, num_samples=2, sampling_params=params, include_prompt_logprobs=True).result()
    lengths = [len(s.tokens) for s in sample.sequences]
    ok = len(sample.sequences) == 2 and all(len(s.tokens) == len(s.logprobs or []) for s in sample.sequences)
    results.append(check("create_sampling_client(model_path) + sample", ok, lengths))
    prompt_logprobs = sample.prompt_logprobs or []
    results.append(check("prompt_logprobs", len(prompt_logprobs) == 8 and prompt_logprobs[0] is None, prompt_logprobs))
    session = training.save_weights_and_get_sampling_client()
    short = types.SamplingParams(max_tokens=3, seed=2)
    again = session.sample(prompt=prompt, num_samples=1, sampling_params=short).result()
    tokens_again = again.sequences[0].tokens
    results.append(check("save_weights_and_get_sampling_client + sample", len(tokens_again) == 3, tokens_again))
    logprobs = session.compute_logprobs(prompt).result()
    results.append(check("compute_logprobs", len(logprobs) == 8 and logprobs[0] is None, logprobs[:3]))
    state = training.save_state("sdk-state").result()
    results.append(check("save_state", state.path.startswith("tinker://"), state.path))
    training.load_state(state.path).result()
    results.append(check("load_state", True))
    plain, packed = sum(b for b, _ in zstd.bodies), sum(c for _, c in zstd.bodies)
    detail = f"{len(zstd.bodies)} bodies, {plain} -> {packed} bytes"
    results.append(
        check("forward_backward bodies zstd-compressed (proto_compress_fwdbwd)", len(zstd.bodies) >= 5, detail)
    )
    print(f"tinker sdk {tinker.__version__}: {sum(results)} of {len(results)} checks passed", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
