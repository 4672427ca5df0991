"""GRPO with TRL on r1ci's questions, rewarded by r1ci's verification service (r1ci_reward.reward).

    python3 examples/trl/train_grpo.py --model MODEL_OR_DIR --data r1ci_train.jsonl --out grpo-r1ci [--steps N]

MODEL_OR_DIR is any causal LM transformers can load (a Hub name or a local folder with its tokenizer).
Prints one JSON line per logged step (reward, loss) and the last line {"steps": N}.
"""
import argparse
import json
import os
import sys

from datasets import load_dataset
from transformers import TrainerCallback
from trl import GRPOConfig, GRPOTrainer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from r1ci_reward import reward  # noqa: E402


class PrintLogs(TrainerCallback):
    def on_log(self, args, state, control, logs=None, **kwargs):
        keys = ("reward", "loss", "rewards/reward/mean", "completions/mean_length")
        print(json.dumps({"step": state.global_step, **{k: logs[k] for k in keys if logs and k in logs}}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--data", required=True, help="a `r1ci tasks export --format trl` file")
    parser.add_argument("--out", required=True)
    parser.add_argument("--steps", type=int, default=-1, help="optimizer steps (default: one epoch)")
    parser.add_argument("--num-generations", type=int, default=4, help="completions per prompt (the group)")
    parser.add_argument("--batch-size", type=int, default=4, help="completions per device step")
    parser.add_argument("--max-completion-length", type=int, default=256)
    parser.add_argument("--lr", type=float, default=1e-6)
    parser.add_argument("--cpu", action="store_true", help="train on the CPU even when an accelerator is present")
    args = parser.parse_args()
    dataset = load_dataset("json", data_files=args.data)["train"]
    config = GRPOConfig(
        output_dir=args.out,
        max_steps=args.steps,
        per_device_train_batch_size=args.batch_size,
        num_generations=args.num_generations,
        max_completion_length=args.max_completion_length,
        learning_rate=args.lr,
        logging_steps=1,
        save_strategy="no",
        report_to="none",
        use_cpu=args.cpu,
        bf16=False,
        seed=0,
    )
    trainer = GRPOTrainer(
        model=args.model, reward_funcs=reward, args=config, train_dataset=dataset, callbacks=[PrintLogs()]
    )
    trainer.train()
    print(json.dumps({"steps": trainer.state.global_step}), flush=True)


if __name__ == "__main__":
    main()
