#!/usr/bin/env bash
# `r1ci rl --learner URL` against the real SkyRL-tx Tinker API server, started from a local snapshot on a tiny
# random Qwen3 (CPU, JAX): two steps (killed after the first and resumed), the curriculum estimate and a held-out
# eval. Needs local snapshots and a venv prepared by hand, so it never runs in CI (docs/rl.md, "Compatibility",
# has the recorded run).
#
#   scripts/check-skyrl-tx.sh SKYRL_DIR TINKER_SRC VENV [WORK_DIR]
#
# SKYRL_DIR: a checkout of NovaSky-AI/SkyRL (its skyrl/ package); TINKER_SRC: the src/ folder of a checkout of
# thinking-machines-lab/tinker (SkyRL imports its protobuf schema); VENV: a Python >= 3.11 venv with jax, flax,
# optax, fastapi, uvicorn, pydantic 2, sqlmodel, sqlalchemy[asyncio], aiosqlite, transformers, safetensors,
# psutil, zstandard, cloudpathlib, loguru, httpx, protobuf. Keep all three outside this repository.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 SKYRL_DIR TINKER_SRC VENV [WORK_DIR]" >&2; exit 2; }
skyrl=$(realpath "$1"); tinker=$(realpath "$2"); venv=$(realpath "$3")
work=$(realpath -m "${4:-${TMPDIR:-/tmp}/r1ci-skyrl-check}")
repo=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-8011}
[ -f "$skyrl/skyrl/tinker/api.py" ] || { echo "no skyrl/tinker/api.py under $skyrl" >&2; exit 2; }
[ -d "$tinker/tinker/proto" ] || { echo "no tinker/proto under $tinker: pass the SDK checkout's src/" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/bin" "$work/shim/tinker-0.0.0.dist-info"

# SkyRL's API reads its parent's command line (it expects `uv run ... -m skyrl.tinker.api`) and starts its
# engine with `uv run ... -m skyrl.tinker.engine`: a stand-in runs both in the venv, as its children.
cat > "$work/bin/uv" <<EOF
#!/usr/bin/env bash
while [ \$# -gt 0 ] && [ "\$1" != "-m" ]; do shift; done
"$venv/bin/python" "\$@"
EOF
chmod +x "$work/bin/uv"
# Python 3.11: pydantic 2 refuses typing.TypedDict (SkyRL's types use it) before 3.12; the SDK source has no
# installed metadata, which its __init__ reads for its version.
printf 'import typing, typing_extensions\ntyping.TypedDict = typing_extensions.TypedDict\n' \
  > "$work/shim/sitecustomize.py"
printf 'Metadata-Version: 2.1\nName: tinker\nVersion: 0.0.0\n' > "$work/shim/tinker-0.0.0.dist-info/METADATA"

# A tiny random Qwen3 (2 layers, d 64) with the tiny preset's byte-level tokenizer, written by our learner.
(cd "$repo" && .venv/bin/python - "$work/tiny-qwen3" <<'EOF'
import json, os, sys
from learner import tiny
from learner.hf import save_model
from learner.model import CausalLM, ModelConfig, init_weights
config = ModelConfig(architecture="qwen3", vocab_size=259, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                     num_attention_heads=4, num_key_value_heads=2, head_dim=16, rope_theta=10000.0,
                     max_position_embeddings=4096, tie_word_embeddings=True,
                     extra={"bos_token_id": tiny.ENDOFTEXT, "eos_token_id": tiny.IM_END})
model = CausalLM(config)
init_weights(model, 0)
save_model(model, sys.argv[1])
for name, data in {"tokenizer.json": tiny.tokenizer_json(), "tokenizer_config.json": tiny.tokenizer_config()}.items():
    with open(os.path.join(sys.argv[1], name), "w") as f:
        json.dump(data, f)
EOF
)

cd "$skyrl"
COLUMNS=1000 PYTHONPATH="$work/shim:$tinker" PATH="$work/bin:$PATH" JAX_PLATFORMS=cpu \
  setsid nice -n 15 uv run -m skyrl.tinker.api \
  --base-model "$work/tiny-qwen3" --backend jax --backend-config '{"max_lora_adapters": 3, "max_lora_rank": 4}' \
  --checkpoints-base "$work/checkpoints" --database-url "sqlite:///$work/tinker.db" --host 127.0.0.1 --port "$port" \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill -- -$server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/v1/get_server_capabilities" > /dev/null && break
  kill -0 $server 2>/dev/null || { tail -20 "$work/server.log" >&2; exit 1; }
  sleep 1
done
echo "skyrl-tx: $(git -C "$skyrl" rev-parse --short HEAD 2>/dev/null || echo snapshot) on port $port"

cd "$repo"
status=0
rl=(nice -n 15 node dist/cli/run.js rl --out "$work/rl" --init "$work/tiny-qwen3" --learner "http://127.0.0.1:$port"
  --lora-rank 2 --kl 0 --steps 2 --lr 1e-3 --curriculum --steps-per-stage 1 --curriculum-samples 1
  --questions-per-task 4 --eval-every 2 --eval-per-task 1 --group-size 2 --questions-per-step 2
  --max-tokens-per-turn 8 --max-total-tokens 16 --concurrency 4)
# The run is killed (-9) once step 1 is committed, then rerun: the rerun loads step 1's checkpoint from SkyRL
# (load_weights of the tinker:// path it returned) and finishes step 2 and the eval.
R1CI_LEARNER_API_KEY=none "${rl[@]}" > "$work/first.out" 2>&1 &
first=$!  # node itself (nice execs it), so the kill reaches the run
until grep -q '^step 1 ' "$work/first.out" 2>/dev/null; do kill -0 $first 2>/dev/null || break; sleep 0.2; done
kill -9 $first 2>/dev/null && echo "killed r1ci rl after step 1" || { cat "$work/first.out"; status=1; }
wait $first 2>/dev/null || true
R1CI_LEARNER_API_KEY=none "${rl[@]}" | tee "$work/second.out" || status=$?
grep -q 'resumed after step 1' "$work/second.out" || status=1
# Every request SkyRL answered, by route and status (a 4xx is something r1ci sent that SkyRL refused).
grep -oE '/api/v1/[a-z_/]+ HTTP/1.1" [0-9]{3}' "$work/server.log" | sort | uniq -c || true
if grep -E 'HTTP/1.1" 4[0-9][0-9]' "$work/server.log" | grep -qv '" 408'; then status=1; fi
# Two steps, the second with a held-out eval, and the curriculum's estimate.
[ "$(wc -l < "$work/rl/metrics.jsonl" 2>/dev/null)" = 2 ] && grep -q '"eval"' "$work/rl/metrics.jsonl" || status=1
[ -f "$work/rl/curriculum.json" ] || status=1
echo "check-skyrl-tx: $([ $status -eq 0 ] && echo passed || echo failed)"
exit $status
