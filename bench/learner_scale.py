"""Learner throughput and memory at real model shapes, side by side with a plain transformers loop on
the same batch in the same process (random weights; prints one JSON line per measurement).

    python bench/learner_scale.py train --device cuda --shape qwen2.5-0.5b --seq 2048 --batch 8
    python bench/learner_scale.py train --device cpu --shape cpu --seq 128 --batch 2      # fp32
    python bench/learner_scale.py lora --device cuda --shape qwen2.5-7b --seq 8192 --rank 16
    python bench/learner_scale.py tiny [--root TREE]   # the tiny preset's step, learner from TREE
    python bench/learner_scale.py tiny-ab --old TREE   # this learner against TREE's, steps alternating

MFU counts model FLOPs, 6 per parameter per token (lm_head included, the embedding lookup not) plus
causal attention, 6 L H Hd T per token, against the GPU's dense bf16 peak.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QWEN25 = {
    "architectures": ["Qwen2ForCausalLM"],
    "model_type": "qwen2",
    "attention_dropout": 0.0,
    "hidden_act": "silu",
    "rms_norm_eps": 1e-6,
    "rope_theta": 1000000.0,
    "use_sliding_window": False,
    "sliding_window": 32768,
    "max_position_embeddings": 32768,
    "bos_token_id": 151643,
    "eos_token_id": 151645,
}
SHAPES = {  # Qwen2.5's published sizes; "cpu" keeps the real vocabulary with a small trunk
    "qwen2.5-0.5b": dict(
        vocab_size=151936,
        hidden_size=896,
        intermediate_size=4864,
        num_hidden_layers=24,
        num_attention_heads=14,
        num_key_value_heads=2,
        tie_word_embeddings=True,
    ),
    "qwen2.5-7b": dict(
        vocab_size=152064,
        hidden_size=3584,
        intermediate_size=18944,
        num_hidden_layers=28,
        num_attention_heads=28,
        num_key_value_heads=4,
        tie_word_embeddings=False,
    ),
    "cpu": dict(
        vocab_size=151936,
        hidden_size=256,
        intermediate_size=704,
        num_hidden_layers=4,
        num_attention_heads=4,
        num_key_value_heads=2,
        tie_word_embeddings=True,
    ),
    "toy": dict(
        vocab_size=512,
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,  # script checks
        num_attention_heads=4,
        num_key_value_heads=2,
        tie_word_embeddings=True,
    ),
}
PEAK_BF16 = {"H100": 989e12, "H200": 989e12, "A100": 312e12}  # dense, SXM


def peak_flops(torch, device) -> float:
    if device.type != "cuda":
        return 0.0
    name = torch.cuda.get_device_name(device)
    return next((v for k, v in PEAK_BF16.items() if k in name), float(os.environ.get("R1CI_PEAK_FLOPS", 0)))


def flops_per_token(config, seq: int) -> float:
    d, f, h, k, hd, n = (
        config.hidden_size,
        config.intermediate_size,
        config.num_attention_heads,
        config.num_key_value_heads,
        config.head_dim,
        config.num_hidden_layers,
    )
    matmul = n * (d * h * hd * 2 + d * k * hd * 2 + 3 * d * f) + config.vocab_size * d
    return 6 * matmul + 6 * n * h * hd * seq


def sync(torch, device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def train(args) -> dict:
    """Full fine-tuning step (fp32 master weights; bf16 autocast on GPU) of the learner and of a plain
    transformers loop (AdamW, same batch), interleaved so both see the same machine."""
    import torch
    import transformers
    from learner import hf, trainer
    from learner.optim import AdamParams

    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    device = torch.device(args.device)
    torch.manual_seed(0)
    folder = tempfile.mkdtemp(prefix="bench-scale-")
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(dict(QWEN25, **SHAPES[args.shape]), f)
    new = tuple(int(x) for x in transformers.__version__.split(".")[:2]) >= (4, 56)  # older: torch_dtype
    theirs = transformers.AutoModelForCausalLM.from_config(
        transformers.AutoConfig.from_pretrained(folder),
        **{"dtype" if new else "torch_dtype": torch.float32},
        attn_implementation="sdpa",
    )
    theirs.save_pretrained(folder)
    theirs = theirs.to(device).train()
    ours = trainer.Trainable(
        hf.load_model(folder, device).train(), None, device, max_tokens_per_microbatch=args.seq * args.batch
    )
    ours.model.gradient_checkpointing = args.checkpointing
    g = torch.Generator().manual_seed(1)
    tokens = torch.randint(0, ours.model.config.vocab_size, (args.batch, args.seq + 1), generator=g)
    data = [trainer.Datum(row[:-1].tolist(), {"target_tokens": row[1:]}) for row in tokens]
    inputs = tokens[:, :-1].to(device)
    labels = tokens[:, 1:].to(device)
    optimizer = torch.optim.AdamW(theirs.parameters(), lr=1e-5, betas=(0.9, 0.95), eps=1e-12, weight_decay=0.0)
    autocast = (lambda: torch.autocast("cuda", dtype=torch.bfloat16)) if device.type == "cuda" else None

    def step_ours():
        trainer.run(ours, data, "cross_entropy", {}, backward=True)
        ours.optim_step(AdamParams(learning_rate=1e-5))

    def step_theirs():
        with autocast() if autocast else torch.enable_grad():
            logits = theirs(input_ids=inputs).logits
        flat = logits.float().view(-1, logits.shape[-1])
        loss = torch.nn.functional.cross_entropy(flat, labels.reshape(-1), reduction="sum")
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)

    times = {"ours": [], "transformers": []}
    for i in range(args.steps + 1):
        for name, fn in (("ours", step_ours), ("transformers", step_theirs)):
            sync(torch, device)
            start = time.perf_counter()
            fn()
            sync(torch, device)
            if i > 0:  # the first step warms up kernels and allocator
                times[name].append(time.perf_counter() - start)
    n = args.seq * args.batch
    rate = {k: n / statistics.median(v) for k, v in times.items()}
    peak = peak_flops(torch, device)
    fpt = flops_per_token(ours.model.config, args.seq)
    return {
        "bench": "train",
        "shape": args.shape,
        "device": str(device),
        "torch": torch.__version__,
        "gpu": torch.cuda.get_device_name(device) if device.type == "cuda" else None,
        "seq": args.seq,
        "batch": args.batch,
        "steps": args.steps,
        "checkpointing": args.checkpointing,
        "tokens_per_s": round(rate["ours"]),
        "transformers_tokens_per_s": round(rate["transformers"]),
        "ratio": round(rate["ours"] / rate["transformers"], 3),
        "mfu": round(rate["ours"] * fpt / peak, 3) if peak else None,
        "transformers_mfu": round(rate["transformers"] * fpt / peak, 3) if peak else None,
    }


def lora(args) -> dict:
    """One bf16 LoRA step (gradient checkpointing, chunked cross-entropy) of a random model; the
    measured peak against learner/memory.py's estimate (torch's allocated bytes, without the reserve)."""
    import torch
    from learner import memory, trainer
    from learner.config import config_from_hf
    from learner.lora import ATTENTION, MLP, apply_lora
    from learner.model import CausalLM
    from learner.optim import AdamParams

    device = torch.device(args.device)
    dtype = torch.bfloat16 if device.type == "cuda" else torch.float32
    config = config_from_hf(dict(QWEN25, **SHAPES[args.shape]))
    with torch.device("meta"):
        model = CausalLM(config).to(dtype)
    model.to_empty(device=device)
    g = torch.Generator(device=device).manual_seed(0)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.fill_(1.0)
            elif name.endswith(".bias"):
                p.zero_()
            else:
                p.normal_(0, 0.02, generator=g)
    apply_lora(model, args.rank, 2.0 * args.rank, ATTENTION + MLP)
    model.gradient_checkpointing = True
    t = trainer.Trainable(model.train(), None, device, max_tokens_per_microbatch=args.seq)
    tokens = torch.randint(0, config.vocab_size, (args.seq + 1,), generator=torch.Generator().manual_seed(1))
    data = [trainer.Datum(tokens[:-1].tolist(), {"target_tokens": tokens[1:]})]
    plan = memory.estimate(config, args.rank, args.seq)
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    seconds = []
    for _ in range(2):
        sync(torch, device)
        start = time.perf_counter()
        trainer.run(t, data, "cross_entropy", {}, backward=True)
        t.optim_step(AdamParams(learning_rate=1e-4))
        sync(torch, device)
        seconds.append(time.perf_counter() - start)
    peak = torch.cuda.max_memory_allocated(device) if device.type == "cuda" else None
    estimate = plan.total - plan.reserve
    return {
        "bench": "lora",
        "shape": args.shape,
        "device": str(device),
        "seq": args.seq,
        "rank": args.rank,
        "step_s": round(seconds[-1], 3),
        "peak_allocated_gib": round(peak / memory.GIB, 2) if peak else None,
        "estimate_gib": round(estimate / memory.GIB, 2),
        "plan": {k: round(v / memory.GIB, 2) for k, v in plan.as_dict().items()},
        "estimate_over_peak": round(estimate / peak, 3) if peak else None,
    }


def tiny(args) -> dict:
    """The tiny preset's forward_backward + optim_step at batch 16 x 256 (bench:learner's shape)."""
    sys.path.insert(0, args.root)
    import torch
    from learner import hf, trainer
    from learner.optim import AdamParams
    from learner.tiny import write_tiny

    torch.set_num_threads(1)
    folder = os.path.join(tempfile.mkdtemp(prefix="bench-tiny-"), "tiny")
    write_tiny(folder)
    t = trainer.Trainable(hf.load_model(folder), folder, torch.device("cpu"))
    g = torch.Generator().manual_seed(0)
    rows = torch.randint(0, 256, (16, 257), generator=g)
    data = [trainer.Datum(r[:-1].tolist(), {"target_tokens": r[1:]}) for r in rows]
    seconds = []
    for i in range(args.steps + 1):
        start = time.perf_counter()
        trainer.run(t, data, "cross_entropy", {}, backward=True)
        t.optim_step(AdamParams(learning_rate=1e-4))
        if i > 0:
            seconds.append(time.perf_counter() - start)
    return {
        "bench": "tiny",
        "root": args.root,
        "torch": torch.__version__,
        "steps": args.steps,
        "tokens_per_s": round(16 * 256 / statistics.median(seconds)),
    }


def tiny_ab(args) -> dict:
    """The tiny preset's step with this tree's learner and with TREE's, in one process, steps
    alternating, so both see the same machine load (the 2-core VM drifts by +-30% within minutes)."""
    import importlib
    import shutil
    import torch

    torch.set_num_threads(1)
    scratch = tempfile.mkdtemp(prefix="bench-ab-")
    shutil.copytree(os.path.join(args.old, "learner"), os.path.join(scratch, "learner_base"))
    sys.path.insert(0, scratch)
    folder = os.path.join(scratch, "tiny")
    importlib.import_module("learner.tiny").write_tiny(folder)
    g = torch.Generator().manual_seed(0)
    rows = torch.randint(0, 256, (16, 257), generator=g)
    steps, seconds = {}, {}
    for name in ("learner_base", "learner"):
        hf, trainer, optim = (importlib.import_module(f"{name}.{m}") for m in ("hf", "trainer", "optim"))
        t = trainer.Trainable(hf.load_model(folder), folder, torch.device("cpu"))
        data = [trainer.Datum(r[:-1].tolist(), {"target_tokens": r[1:]}) for r in rows]

        def step(t=t, data=data, trainer=trainer, optim=optim):
            trainer.run(t, data, "cross_entropy", {}, backward=True)
            t.optim_step(optim.AdamParams(learning_rate=1e-4))

        steps[name], seconds[name] = step, []
        step()  # warm-up
    for _ in range(args.steps):
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            seconds[name].append(time.perf_counter() - start)
    rate = {k: 16 * 256 / statistics.median(v) for k, v in seconds.items()}
    return {
        "bench": "tiny-ab",
        "old": args.old,
        "torch": torch.__version__,
        "steps": args.steps,
        "tokens_per_s": round(rate["learner"]),
        "old_tokens_per_s": round(rate["learner_base"]),
        "ratio": round(rate["learner"] / rate["learner_base"], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="bench", required=True)
    p = sub.add_parser("train")
    p.add_argument("--device", default="cuda")
    p.add_argument("--shape", default="qwen2.5-0.5b", choices=SHAPES)
    p.add_argument("--seq", type=int, default=2048)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--checkpointing", action="store_true")
    p = sub.add_parser("lora")
    p.add_argument("--device", default="cuda")
    p.add_argument("--shape", default="qwen2.5-7b", choices=SHAPES)
    p.add_argument("--seq", type=int, default=8192)
    p.add_argument("--rank", type=int, default=16)
    p = sub.add_parser("tiny")
    p.add_argument("--root", default=ROOT)
    p.add_argument("--steps", type=int, default=5)
    p = sub.add_parser("tiny-ab")
    p.add_argument("--old", required=True, help="a tree whose learner/ is the baseline")
    p.add_argument("--steps", type=int, default=8)
    args = parser.parse_args()
    if args.bench != "tiny":
        sys.path.insert(0, ROOT)
    benches = {"train": train, "lora": lora, "tiny": tiny, "tiny-ab": tiny_ab}
    print(json.dumps(benches[args.bench](args)), flush=True)


if __name__ == "__main__":
    main()
