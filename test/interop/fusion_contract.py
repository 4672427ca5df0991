# A client written from verl's SandboxFusion caller (verl/utils/reward_score/sandbox_fusion/utils.py:
# the JSON it posts, the headers, the fields it reads and how it turns them into a score) and from
# SandboxFusion's own run_code models (files / fetch_files). Prints one JSON object of observations.
# Usage: python3 fusion_contract.py URL [CASES]   (URL ends in /run_code, may carry user:token@)
import base64
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

try:  # verl posts with requests (which sends URL credentials as Basic auth); urllib below does the same
    import requests
except ImportError:
    requests = None


def post(url, payload, timeout):
    """POST as verl does: the JSON text as the body, Content-Type and Accept set; (status, body)."""
    data = json.dumps(payload)
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if requests is not None:
        response = requests.post(url, headers=headers, data=data, timeout=timeout)
        return response.status_code, response.text
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None:
        secret = "%s:%s" % (urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""))
        headers["Authorization"] = "Basic " + base64.b64encode(secret.encode()).decode()
        url = urllib.parse.urlunsplit(
            (
                parts.scheme,
                parts.hostname + (":%d" % parts.port if parts.port else ""),
                parts.path,
                parts.query,
                parts.fragment,
            )
        )
    request = urllib.request.Request(url, data=data.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def verl_payload(code, stdin, timeout, memory_limit_mb=1024, language="python"):
    """The request body verl's call_sandbox_api builds (files and fetch_files always empty)."""
    return {
        "compile_timeout": timeout,
        "run_timeout": timeout,
        "code": code,
        "stdin": stdin,
        "memory_limit_MB": memory_limit_mb,
        "language": language,
        "files": {},
        "fetch_files": [],
    }


def verl_score(status, text, expected_output):
    """verl's verdict for one case: True/False, -1 API or sandbox error, -2 runtime error, -3 timeout,
    -4 compile error; computed from the fields verl reads (status, compile_result, run_result.*)."""
    if status >= 400:
        return -1  # raise_for_status -> RequestException -> api_error
    response = json.loads(text)
    api_status, compile_result, run = response.get("status"), response.get("compile_result"), response.get("run_result")
    if api_status == "SandboxError":
        return -1
    if api_status == "Failed":
        if compile_result and (
            compile_result.get("status") in ("Error", "TimeLimitExceeded")
            or (compile_result.get("status") == "Finished" and compile_result.get("return_code") != 0)
        ):
            return -4
        if not run:
            return -1
        if run.get("status") == "TimeLimitExceeded":
            return -3
        if run.get("status") == "Error" or (run.get("status") == "Finished" and run.get("return_code") != 0):
            return -2
        return -1
    if api_status == "Success":
        if not run or run.get("status") != "Finished":
            return -1
        actual = run.get("stdout") if run.get("stdout") is not None else ""
        return str(actual).rstrip("\n") == str(expected_output).rstrip("\n")
    return -1


def run_fields(text):
    run = json.loads(text).get("run_result") or {}
    return {key: run.get(key) for key in ("status", "return_code", "stdout", "stderr")}


# name: (code, stdin, expected stdout, timeout seconds)
VERL_CASES = {
    "ok": ("print(6 * 7)", "", "42", 10),
    "wrong-answer": ("print(41)", "", "42", 10),
    "runtime-error": ('raise ValueError("bad")', "", "42", 10),
    "memory-error": ("x = bytearray(1 << 40)", "", "42", 10),
    "timeout": ("import time\ntime.sleep(30)", "", "42", 1),
    "stderr-only": ('import sys\nsys.stderr.write("careful\\n")', "", "", 10),
    "stdin": ("print(input()[::-1])", "abc", "cba", 10),
    "sigkill": ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", "", "42", 10),
}


def main():
    url = sys.argv[1]
    wanted = sys.argv[2].split(",") if len(sys.argv) > 2 else None
    out = {"transport": "requests" if requests is not None else "urllib"}
    for name, (code, stdin, expected, timeout) in VERL_CASES.items():
        if wanted and name not in wanted:
            continue
        status, text = post(url, verl_payload(code, stdin, timeout), timeout * 2 + 10)
        out[name] = {
            "score": verl_score(status, text, expected),
            "http": status,
            **(run_fields(text) if status == 200 else {}),
        }
    if not wanted or "files" in wanted:
        # SandboxFusion's own client shape: files in (base64), fetch_files out.
        code = 'data = open("in/data.txt").read()\nopen("out.txt", "w").write(data.upper())\nprint(len(data))'
        payload = {
            "code": code,
            "language": "python",
            "run_timeout": 10,
            "files": {"in/data.txt": base64.b64encode(b"hello files").decode()},
            "fetch_files": ["out.txt", "missing.txt"],
        }
        status, text = post(url, payload, 30)
        body = json.loads(text)
        out["files"] = {
            "http": status,
            "status": body.get("status"),
            "stdout": (body.get("run_result") or {}).get("stdout"),
            "files": {k: base64.b64decode(v).decode() for k, v in (body.get("files") or {}).items()},
        }
    if not wanted or "bash" in wanted:
        status, text = post(url, verl_payload('echo "$(cat)" from bash; exit 3', "hi", 10, language="bash"), 30)
        out["bash"] = {"score": verl_score(status, text, "hi from bash"), "http": status, **run_fields(text)}
    if not wanted or "unsupported-language" in wanted:
        status, text = post(url, verl_payload("int main() {}", "", 10, language="cpp"), 30)
        out["unsupported-language"] = {
            "score": verl_score(status, text, ""),
            "http": status,
            "message": json.loads(text).get("message"),
        }
    if not wanted or "tool" in wanted:
        # SandboxFusionTool.execute_code: run_status Finished -> stdout + stderr, else a fixed text.
        status, text = post(url, verl_payload('print("out")\nimport sys\nprint("err", file=sys.stderr)', None, 30), 70)
        run = json.loads(text).get("run_result") or {}
        out["tool"] = run["stdout"] + run["stderr"] if run.get("status") == "Finished" else "no stdout here"
    print(json.dumps(out))


if __name__ == "__main__":
    main()
