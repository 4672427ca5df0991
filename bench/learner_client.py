"""The learner benchmark's second client: 8 single-sample requests (prompts of 20-90 tokens) sent
one after another, then all at once from 8 threads, with the standard library's HTTP client.
Prints {"serial": tokens/s, "concurrent": tokens/s} on its last line.

    python bench/learner_client.py URL TOKEN MODEL_ID
"""
import json
import random
import sys
import threading
import time
import urllib.request


def main() -> None:
    url, token, model_id = sys.argv[1:4]

    def post(verb: str, body: dict) -> dict:
        request = urllib.request.Request(
            f"{url}/api/v1/{verb}",
            data=json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        return json.loads(urllib.request.urlopen(request, timeout=120).read())

    def sample(prompt, seed) -> int:
        request_id = post(
            "asample",
            {
                "model_id": model_id,
                "prompt": {"chunks": [{"type": "encoded_text", "tokens": prompt}]},
                "num_samples": 1,
                "sampling_params": {"max_tokens": 128, "temperature": 1.0, "seed": seed},
            },
        )["request_id"]
        while True:
            out = post("retrieve_future", {"request_id": request_id, "wait_s": 10})
            if out.get("type") != "try_again":
                return len(out["sequences"][0]["tokens"])

    rng = random.Random(0)
    prompts = [[rng.randrange(256) for _ in range(20 + 10 * i)] for i in range(8)]
    start = time.perf_counter()
    serial = sum(sample(p, 10 + i) for i, p in enumerate(prompts)) / (time.perf_counter() - start)
    counts = [0] * len(prompts)

    def one(i: int) -> None:
        counts[i] = sample(prompts[i], 10 + i)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(prompts))]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    concurrent = sum(counts) / (time.perf_counter() - start)
    print(json.dumps({"serial": serial, "concurrent": concurrent}))


if __name__ == "__main__":
    main()
