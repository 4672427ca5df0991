"""TRL reward function backed by r1ci's verification service (`r1ci serve`).

    from r1ci_reward import reward
    trainer = GRPOTrainer(model=..., reward_funcs=reward, train_dataset=load_dataset('json', data_files=...)['train'])

The dataset comes from `r1ci tasks export --format trl`; TRL passes its task_id, seed and index
columns to the reward function. Completions may be plain text or conversational (lists of messages).
Standard library only. Service URL: $R1CI_VERIFY_URL (default http://127.0.0.1:8090); token, if the
service has one: $R1CI_SANDBOX_TOKEN.
"""
import json
import os
import time
import urllib.error
import urllib.request

BATCH = 256
ATTEMPTS = 5


class R1ciServiceError(RuntimeError):
    """The verification service could not score a batch (down, refused, or rejected the request)."""


def _post(url, payload, token):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url + "/verify", data=json.dumps(payload).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def verify(items, url=None, token=None):
    """Verdicts ({correct, score, outcome}) for items ({task_id, seed, index, response}), in order.
    Retries a refused connection or a busy (503) service with backoff; raises R1ciServiceError once."""
    url = (url or os.environ.get("R1CI_VERIFY_URL", "http://127.0.0.1:8090")).rstrip("/")
    token = token if token is not None else os.environ.get("R1CI_SANDBOX_TOKEN")
    results = []
    for start in range(0, len(items), BATCH):
        chunk = items[start : start + BATCH]
        for attempt in range(ATTEMPTS):
            try:
                results.extend(_post(url, {"items": chunk}, token)["results"])
                break
            except urllib.error.HTTPError as error:
                message = error.read().decode(errors="replace")[:500]
                if error.code != 503:
                    raise R1ciServiceError(
                        "r1ci service at %s refused the batch (%d): %s" % (url, error.code, message)
                    ) from None
                last = "busy (503)"
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                last = str(getattr(error, "reason", error))
            if attempt + 1 < ATTEMPTS:
                time.sleep(0.2 * 2**attempt)
        else:
            raise R1ciServiceError(
                "r1ci service at %s is unreachable after %d tries (%s); start it with "
                "`r1ci serve --port 8090` or set R1CI_VERIFY_URL" % (url, ATTEMPTS, last)
            )
    return results


def _text(completion):
    """A completion's text: the string itself, or the assistant messages of a conversational one."""
    if isinstance(completion, str):
        return completion
    return "\n".join(m.get("content") or "" for m in completion if m.get("role") == "assistant")


def reward(prompts, completions, task_id=None, seed=None, index=None, **kwargs):
    """One float per completion: 1.0 when r1ci's verifier accepts the answer in its last <<<…>>>, else 0.0."""
    if task_id is None or index is None:
        raise ValueError("the dataset lacks task_id/index columns: write it with `r1ci tasks export --format trl`")
    seeds = seed if seed is not None else [0] * len(completions)
    items = [
        {"task_id": t, "seed": int(s), "index": int(i), "response": _text(c)}
        for t, s, i, c in zip(task_id, seeds, index, completions)
    ]
    return [float(verdict["score"]) for verdict in verify(items)]
