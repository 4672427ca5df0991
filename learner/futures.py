"""Futures: every heavy verb is queued for one worker thread (the model is not thread-safe) and
answered with a request id; retrieve_future waits briefly and then says try_again, as Tinker does.
"""
import itertools
import logging
import queue
import threading
import traceback
from typing import Callable, Dict

log = logging.getLogger("learner")


class UserError(Exception):
    """A bad request (4xx): the message says what is wrong and how to fix it."""

    status = 400


class NotFound(UserError):
    status = 404


class Futures:
    def __init__(self, keep: int = 1024):
        self.queue: "queue.Queue" = queue.Queue()
        self.results: Dict[str, dict] = {}
        self.done: Dict[str, threading.Event] = {}
        self.ids = itertools.count(1)
        self.keep = keep
        self.lock = threading.Lock()
        threading.Thread(target=self._work, daemon=True, name="learner-worker").start()

    def submit(self, job: Callable[[], dict]) -> dict:
        request_id = f"req-{next(self.ids)}"
        with self.lock:
            self.done[request_id] = threading.Event()
        self.queue.put((request_id, job))
        return {"request_id": request_id}

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
            request_id, job = self.queue.get()
            try:
                result = job()
            except UserError as e:
                result = {"type": "request_failed", "error": str(e), "category": "user"}
            except (ValueError, FileNotFoundError) as e:
                result = {"type": "request_failed", "error": str(e), "category": "user"}
            except Exception as e:  # report to the caller, keep serving; the traceback goes to stderr
                log.error("request %s failed:\n%s", request_id, traceback.format_exc())
                result = {"type": "request_failed", "error": f"{type(e).__name__}: {e}", "category": "server"}
            with self.lock:
                self.results[request_id] = result
                self.done[request_id].set()
                self._forget_old()

    def _forget_old(self) -> None:
        finished = [k for k, e in self.done.items() if e.is_set()]
        for k in finished[: max(0, len(finished) - self.keep)]:
            del self.done[k]
            self.results.pop(k, None)
