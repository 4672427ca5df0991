"""Futures: every heavy verb is queued for one worker thread (the model is not thread-safe) and
answered with a request id; retrieve_future waits briefly and then says try_again, as Tinker does.

Read-only jobs that can share one computation (samples of the same weights) are submitted with a
batch key: when the worker takes one, it also takes every other queued job with that key that no
writing job stands before, and runs them together. A streaming job goes further: while it runs it
may take the queued jobs of its key at the head of the queue and answer each job as soon as
its own part is done (continuous batching). Jobs that write (training, loading) keep their order
with respect to everything.
"""
import collections
import itertools
import logging
import threading
import time
import traceback
from typing import Callable, Dict, List, Optional

log = logging.getLogger("learner")


class UserError(Exception):
    """A bad request (4xx): the message says what is wrong and how to fix it."""

    status = 400


class NotFound(UserError):
    status = 404


class Futures:
    def __init__(self, keep: int = 1024, max_batch: int = 64, gather_s: float = 0.01):
        self.pending: "collections.deque" = collections.deque()  # (request_id, job, batch_key)
        self.ready = threading.Condition()
        self.max_batch = max_batch
        self.gather_s = gather_s if max_batch > 1 else 0.0
        self.arrivals = 0  # jobs ever queued (under self.ready)
        self.results: Dict[str, dict] = {}
        self.done: Dict[str, threading.Event] = {}
        self.ids = itertools.count(1)
        self.keep = keep
        self.lock = threading.Lock()
        threading.Thread(target=self._work, daemon=True, name="learner-worker").start()

    def submit(self, job: Callable[[], dict]) -> dict:
        return self._enqueue(job, None)

    def submit_batchable(self, key, payload, run_many: Callable[[List], List[dict]]) -> dict:
        """Queues a read-only job that may run together with other queued jobs of the same key:
        run_many(payloads) returns one result per payload (a result may be a request_failed)."""
        return self._enqueue((payload, run_many, False), key)

    def submit_streaming(self, key, payload, run_stream: Callable) -> dict:
        """Queues a read-only job that runs with the queued jobs of its key and can take more while it
        runs: run_stream(jobs, more, answer), where jobs is [(request_id, payload)], more(accept)
        takes queued jobs of the key, in order, while accept(payload) says yes, and answer(request_id,
        result) answers one job. Jobs it took and left unanswered get its failure."""
        return self._enqueue((payload, run_stream, True), key)

    def _enqueue(self, job, key) -> dict:
        request_id = f"req-{next(self.ids)}"
        with self.lock:
            self.done[request_id] = threading.Event()
        with self.ready:
            self.pending.append((request_id, job, key))
            self.arrivals += 1
            self.ready.notify()
        return {"request_id": request_id}

    def _take(self) -> List[tuple]:
        """The next job, with the batchable jobs that may join it. A batch keeps gathering while
        requests keep arriving (until `gather_s` passes with none, or 25 × gather_s in all):
        concurrent clients' requests reach the worker a few ms apart (40 episodes that start together
        took over 50 ms to arrive, and split into batches of 8 and 21), and decoding a batch takes
        seconds."""
        with self.ready:
            while not self.pending:
                self.ready.wait()
            first = self.pending.popleft()
            if first[2] is None:
                return [first]
            batch = [first]
            self._join(batch)
            deadline = time.monotonic() + 25 * self.gather_s
            while self.gather_s > 0 and len(batch) < self.max_batch:
                seen = self.arrivals
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.ready.wait(min(self.gather_s, left))
                self._join(batch)
                if self.arrivals == seen:
                    break
            return batch

    def _join(self, batch: List[tuple]) -> None:
        """Moves queued jobs with the batch's key into it, up to the first writing job (under self.ready)."""
        rest: "collections.deque" = collections.deque()
        while self.pending and len(batch) < self.max_batch:
            item = self.pending.popleft()
            if item[2] is None:  # a writing job: nothing behind it may move ahead of it
                self.pending.appendleft(item)
                break
            (batch if item[2] == batch[0][2] else rest).append(item)
        self.pending.extendleft(reversed(rest))

    def retrieve(self, request_id: str, wait_s: float) -> dict:
        with self.lock:
            event = self.done.get(request_id)
        if event is None:
            raise NotFound(f"unknown request_id '{request_id}' (results are kept for the last {self.keep} requests)")
        if not event.wait(wait_s):
            return {"type": "try_again", "request_id": request_id, "queue_state": "active"}
        return self.results[request_id]

    def _work(self) -> None:
        while True:
            batch = self._take()
            if batch[0][2] is None:
                request_id, job, _ = batch[0]
                self._finish(request_id, guarded(request_id, job))
                continue
            if batch[0][1][2]:
                self._stream(batch)
                continue
            run_many, payloads = batch[0][1][1], [job[0] for _, job, _ in batch]
            outcome = guarded(batch[0][0], lambda: {"many": run_many(payloads)})  # a failure here fails them all
            for i, (request_id, _, _) in enumerate(batch):
                self._finish(request_id, outcome["many"][i] if "many" in outcome else outcome)

    def _stream(self, batch: List[tuple]) -> None:
        key, run_stream = batch[0][2], batch[0][1][1]
        taken = [request_id for request_id, _, _ in batch]
        answered: set = set()

        def more(accept: Callable) -> List[tuple]:
            jobs = self._more(key, accept)
            taken.extend(request_id for request_id, _ in jobs)
            return jobs

        def answer(request_id: str, result: dict) -> None:
            answered.add(request_id)
            self._finish(request_id, result)

        jobs = [(request_id, job[0]) for request_id, job, _ in batch]
        outcome = guarded(batch[0][0], lambda: run_stream(jobs, more, answer) or {})
        if outcome.get("type") != "request_failed":
            outcome = {"type": "request_failed", "error": "the batch ended without answering", "category": "server"}
        for request_id in taken:
            if request_id not in answered:
                self._finish(request_id, outcome)

    def _more(self, key, accept: Callable) -> List[tuple]:
        """The jobs of this key at the head of the queue, in order, while accept(payload) says yes. It
        stops at any other job, so a long stream cannot starve a write or another key's batch."""
        taken: List[tuple] = []
        if self.max_batch <= 1:  # one request at a time
            return taken
        with self.ready:
            while self.pending and self.pending[0][2] == key and accept(self.pending[0][1][0]):
                request_id, job, _ = self.pending.popleft()
                taken.append((request_id, job[0]))
        return taken

    def _finish(self, request_id: str, result: dict) -> None:
        with self.lock:
            self.results[request_id] = result
            self.done[request_id].set()
            self._forget_old()

    def _forget_old(self) -> None:  # under self.lock
        finished = [k for k, e in self.done.items() if e.is_set()]
        for k in finished[: max(0, len(finished) - self.keep)]:
            del self.done[k]
            self.results.pop(k, None)


def failure(e: Exception) -> Optional[dict]:
    """The request_failed result of a caller's mistake; None for a server fault."""
    if isinstance(e, (UserError, ValueError, FileNotFoundError)):
        return {"type": "request_failed", "error": str(e), "category": "user"}
    return None


def guarded(request_id: str, job: Callable[[], dict]) -> dict:
    """Runs a job; an exception becomes a request_failed result (the server keeps serving)."""
    try:
        return job()
    except Exception as e:
        known = failure(e)
        if known:
            return known
        log.error("request %s failed:\n%s", request_id, traceback.format_exc())
        return {"type": "request_failed", "error": f"{type(e).__name__}: {e}", "category": "server"}
