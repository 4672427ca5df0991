#!/usr/bin/env bash
# The GPU checks of the learner, for one H100/H200 with torch 2.x, transformers and PEFT installed
# (no network needed), in under 8 minutes: GPU tests (bf16 parity with transformers included), the
# CPU parity tests, a bf16 LoRA step of a random Qwen2.5-7B-shaped model at 8,192 tokens (peak memory
# against the plan) and the MFU benchmark. Log: $OUT/device-check.log (else .r1ci/device-check/).
# R1CI_DEVICE_CHECK_CPU=1 runs the same steps on the CPU at toy sizes, to check the script itself.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-.r1ci/device-check}"
mkdir -p "$out"
log="$out/device-check.log"
results="$out/device-check.jsonl"
: >"$log"
: >"$results"
exec > >(tee -a "$log") 2>&1

device=cuda; lora_args="--shape qwen2.5-7b --seq 8192 --rank 16"
train_args="--shape qwen2.5-0.5b --seq 2048 --batch 8 --steps 5"
check='sys.exit(0 if torch.cuda.is_available() else 1)'
if [ -n "${R1CI_DEVICE_CHECK_CPU:-}" ]; then
  device=cpu; lora_args="--shape toy --seq 64 --rank 4"; train_args="--shape toy --seq 32 --batch 1 --steps 1"
  check='sys.exit(0)'
fi

py=""
for candidate in "${R1CI_PYTHON:-}" .venv/bin/python python3 python; do
  [ -n "$candidate" ] || continue
  if "$candidate" -c "import torch, sys; $check" >/dev/null 2>&1; then
    py="$candidate"; break
  fi
done
[ -n "$py" ] || { echo "device-check: no python with CUDA-enabled torch (set R1CI_PYTHON)"; exit 1; }

status=0
step() { # name, timeout seconds, command...
  local name="$1" limit="$2"; shift 2
  printf '\n== %s (limit %ss) %s\n' "$name" "$limit" "$(date -u +%H:%M:%S)"
  local start=$SECONDS
  timeout "$limit" "$@"; local rc=$?  # 60+100+90+110+110 s: under 8 minutes
  printf '== %s: rc %s in %ss\n' "$name" "$rc" "$((SECONDS - start))"
  [ "$rc" -eq 0 ] || status=1
}

step "environment" 60 "$py" -c 'import torch, sys
gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
print(sys.executable, "torch", torch.__version__, "cuda", torch.version.cuda, gpu)
for m in ("transformers", "peft"):
    try: print(m, __import__(m).__version__)
    except ImportError as e: print(m, "missing:", e)'
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
step "gpu tests (bf16 step, bf16 parity, dtypes)" 100 "$py" learner/run_tests.py test_gpu.py
step "parity tests (fp32)" 90 "$py" learner/run_tests.py 'test_parity*.py'
step "7B LoRA step at 8192 tokens" 110 bash -c "'$py' bench/learner_scale.py lora --device $device $lora_args \
  | tee -a '$results'"
step "MFU: Qwen2.5-0.5B shape, bf16, seq 2048" 110 bash -c "'$py' bench/learner_scale.py train --device $device \
  $train_args | tee -a '$results'"
verdict=$([ $status -eq 0 ] && echo passed || echo FAILED)
printf '\ndevice-check: %s (log %s, results %s)\n' "$verdict" "$log" "$results"
exit $status
