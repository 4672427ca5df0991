"""verl reward function backed by r1ci's verification service (`r1ci serve`).

Point verl at this file: custom_reward_function.path=examples/verl/r1ci_reward.py and
custom_reward_function.name=compute_score (one response per call), or name=compute_score_batch with
reward_model.reward_manager=batch (one HTTP request per 256 responses). The questions come from
`r1ci tasks export --format verl`, whose extra_info names each one (task_id, seed, index).
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


def _service_url():
    return os.environ.get("R1CI_VERIFY_URL", "http://127.0.0.1:8090").rstrip("/")


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
    url = url or _service_url()
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


def _item(solution_str, extra_info):
    info = extra_info or {}
    if "task_id" not in info or "index" not in info:
        raise ValueError("extra_info lacks task_id/index: write the data with `r1ci tasks export --format verl`")
    return {
        "task_id": info["task_id"],
        "seed": int(info.get("seed", 0)),
        "index": int(info["index"]),
        "response": solution_str,
    }


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """verl's per-response reward: 1.0 when r1ci's verifier accepts the answer in the last <<<…>>>, else 0.0."""
    return float(verify([_item(solution_str, extra_info)])[0]["score"])


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos, **kwargs):
    """verl's batch reward manager entry point: one score per response, in order."""
    items = [_item(solution, info) for solution, info in zip(solution_strs, extra_infos)]
    return [float(verdict["score"]) for verdict in verify(items)]
