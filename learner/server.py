"""The HTTP server: Tinker-shaped routes over stdlib http.server (JSON, and Tinker's protobuf for
forward_backward bodies and for results when Accept asks; bodies plain or zstd-compressed), an API key
(X-API-Key or a bearer token), a request size limit, 4xx JSON errors for bad requests, logs on stderr only
(stdout stays unused).

    R1CI_LEARNER_TOKEN=secret python -m learner.server --port 8000 [--host 127.0.0.1] [--state-dir DIR]
"""
import argparse
import hmac
import json
import logging
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import torch

from . import wire
from .futures import UserError
from .sequence import Ledger
from .service import Service, json_default

log = logging.getLogger("learner")


def routes(service: Service) -> dict:
    return {
        "/api/v1/get_server_capabilities": service.capabilities,
        "/api/v1/create_session": service.create_session,
        "/api/v1/session_heartbeat": lambda _b: {"type": "session_heartbeat"},
        "/api/v1/get_info": service.get_info,
        "/api/v1/create_model": service.create_model,
        "/api/v1/forward": service.forward,
        "/api/v1/forward_backward": service.forward_backward,
        "/api/v1/optim_step": service.optim_step,
        "/api/v1/save_weights": service.save_weights,
        "/api/v1/load_weights": service.load_weights,
        "/api/v1/save_weights_for_sampler": service.save_weights_for_sampler,
        "/api/v1/asample": service.sample,
        "/api/v1/unload_model": service.unload_model,
        "/api/v1/retrieve_future": service.retrieve_future,
        "/api/v1/create_sampling_session": service.create_sampling_session,
        # The SDK's first call: feature flags (no JWT exchange; zstd forward_backward bodies when this Python has
        # zstandard; httpx's own transport: the SDK's default, pyqwest, is a native wheel a user's pip may lack,
        # and buys nothing here).
        "/api/v1/client/config": lambda _b: {
            "pjwt_auth_enabled": False,
            "proto_compress_fwdbwd": wire.zstd_available(),
            "use_pyqwest_transport": False,
        },
        "/api/v1/telemetry": lambda _b: {"status": "accepted"},
    }


class Server(ThreadingHTTPServer):
    """One thread per connection. The listen backlog is room for every episode's connection at once:
    with the standard library's 5, a burst of 40 episodes' calls overflowed it, and a connection whose
    handshake the kernel dropped waited out TCP's retry backoff, stalling a GRPO step by 100 s or more."""

    daemon_threads = True
    request_queue_size = 512


def make_handler(service: Service, token: str, max_bytes: int):
    table = routes(service)
    ledger = Ledger()  # retried training requests (same model_id and seq_id) are answered, not run again

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def reply(self, status: int, body: dict, proto: bool = False) -> None:
            content_type = "application/json"
            try:
                if proto and status == 200 and "loss_fn_outputs" in body:
                    data, content_type = wire.forward_backward_output(body), wire.CONTENT_TYPE
                elif proto and status == 200 and "sequences" in body:
                    data, content_type = wire.sample_output(body), wire.CONTENT_TYPE
                else:
                    data = json.dumps(body, allow_nan=False, default=json_default).encode()
            except ValueError:
                status, data = (
                    500,
                    json.dumps({"error": "the result holds NaN (diverged training?)", "category": "server"}).encode(),
                )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def authorised(self) -> bool:
            given = self.headers.get("Authorization", "")
            given = given[7:] if given.startswith("Bearer ") else self.headers.get("X-API-Key", "")
            return hmac.compare_digest(given.encode(), token.encode())

        def do_GET(self) -> None:
            if self.path == "/api/v1/healthz":
                return self.reply(200, {"status": "ok"})
            self.do_POST(body_allowed=False)

        def do_POST(self, body_allowed: bool = True) -> None:
            if not self.authorised():
                return self.reply(
                    401,
                    {
                        "error": "missing or wrong API key: send X-API-Key: <key> (or Authorization: Bearer <key>)",
                        "category": "user",
                    },
                )
            route = table.get(self.path)
            if route is None:
                return self.reply(404, {"error": f"no route {self.path}", "category": "user"})
            length = int(self.headers.get("Content-Length") or 0)
            if length > max_bytes:
                self.close_connection = True
                for _ in range(0, length, 1 << 16):  # drain, so the client reads our answer, not a reset
                    self.rfile.read(min(1 << 16, length))
                return self.reply(
                    413,
                    {
                        "error": f"request of {length} bytes exceeds the limit of {max_bytes}; send smaller batches",
                        "category": "user",
                    },
                )
            accepts_proto = wire.CONTENT_TYPE in self.headers.get("Accept", "")
            try:
                raw = b"{}"
                if body_allowed and length:
                    raw = wire.decode_body(self.rfile.read(length), self.headers.get("Content-Encoding"), max_bytes)
                verb = self.path[len("/api/v1/") :]
                if wire.CONTENT_TYPE in self.headers.get("Content-Type", ""):
                    body, forward_only = self.proto_request(raw)
                    result = ledger.submit(
                        verb, body, raw, lambda: service.forward_backward(body, backward=not forward_only)
                    )
                else:
                    body = json.loads(raw or b"{}")
                    if not isinstance(body, dict):
                        raise UserError("the request body must be a JSON object")
                    result = ledger.submit(verb, body, raw, lambda: route(body))
            except json.JSONDecodeError as e:
                return self.reply(400, {"error": f"malformed JSON: {e}", "category": "user"})
            except UserError as e:
                return self.reply(e.status, {"error": str(e), "category": "user"})
            self.reply(200, result, proto=accepts_proto and self.path == "/api/v1/retrieve_future")

        def proto_request(self, raw: bytes) -> tuple:
            """A protobuf body -> (the request, forward_only): only forward_backward has one."""
            if self.path != "/api/v1/forward_backward":
                raise UserError(f"{self.path} takes JSON; only /api/v1/forward_backward takes {wire.CONTENT_TYPE}")
            return wire.parse_forward_backward(raw)

        def log_message(self, fmt, *args) -> None:  # stderr, at debug level
            log.debug("%s " + fmt, self.address_string(), *args)

    return Handler


def watch_parent(pid: int, interval: float = 0.5) -> None:
    """Exit when the launching process is gone (killed with a signal its exit hook never saw), so a
    local learner never outlives the run that started it."""

    def alive() -> bool:
        if os.getppid() != pid:  # re-parented: the launcher died
            return False
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True

    def loop() -> None:
        while alive():
            time.sleep(interval)
        log.warning("the launching process %d is gone; exiting", pid)
        os._exit(0)

    threading.Thread(target=loop, name="parent-watch", daemon=True).start()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="r1ci learner: a Tinker-shaped training server")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (loopback by default)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--state-dir", default=os.path.expanduser("~/.cache/r1ci/learner"), help="checkpoints and presets"
    )
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument(
        "--threads",
        type=int,
        default=1 if (os.cpu_count() or 1) <= 2 else 0,
        help="torch CPU threads outside training and sampling jobs, and theirs on torch 1.x (0: torch's default)",
    )
    parser.add_argument(
        "--sample-threads",
        type=int,
        default=0,
        help="torch CPU threads for sampling (0: every core on torch 2.x that no other process, such as the "
        "sandbox, kept busy over the last half second; --threads on torch 1.x)",
    )
    parser.add_argument(
        "--train-threads",
        type=int,
        default=0,
        help="torch CPU threads for forward_backward and optim_step (0: every core on torch 2.x that no other "
        "process kept busy over the last half second; --threads on torch 1.x, whose CPU build measured slower with "
        "2 threads on 2 cores)",
    )
    parser.add_argument("--max-request-mb", type=float, default=256.0)
    parser.add_argument(
        "--no-batch-requests",
        action="store_true",
        help="serve sample requests one at a time (bit-reproducible sampling whatever the timing) "
        "instead of batching concurrent ones",
    )
    parser.add_argument("--max-tokens-per-microbatch", type=int, default=8192)
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument(
        "--parent-pid", type=int, default=0, help="exit when this process is gone (the launcher passes its own pid)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(stream=sys.stderr, level=args.log_level, format="learner %(levelname)s %(message)s")
    token = os.environ.get("R1CI_LEARNER_TOKEN", "")
    if not token:
        log.error("set R1CI_LEARNER_TOKEN to the bearer token clients must send")
        return 2
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.parent_pid:
        watch_parent(args.parent_pid)
    torch2 = int(torch.__version__.split(".")[0]) >= 2
    train_threads = args.train_threads or ((os.cpu_count() or 1) if torch2 else args.threads)
    sample_threads = args.sample_threads or ((os.cpu_count() or 1) if torch2 else args.threads)
    service = Service(
        args.state_dir,
        torch.device(args.device),
        args.max_tokens_per_microbatch,
        batch_requests=not args.no_batch_requests,
        train_threads=train_threads,
        sample_threads=sample_threads,
    )
    server = Server((args.host, args.port), make_handler(service, token, int(args.max_request_mb * 2**20)))
    log.info(
        "listening on http://%s:%d (device %s, torch %s)",
        args.host,
        server.server_address[1],
        args.device,
        torch.__version__,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
