# The warm parent of the sandbox pool. It imports the scientific stack once, then forks the zygote
# (spares.py, prepended to this file), which forks spare children on request and hands over their
# pipes, so that no fork sits on a request's path. The parent gives each snippet to a ready spare,
# relays its output with caps, enforces the wall clock and kills what a snippet leaves behind (it is
# the child subreaper, and the zygote is not: orphans of snippets come here). A killed zygote takes
# its spares and running snippets with it (their death signal); those fail as 'killed' and a new
# zygote is forked. Node protocol: one JSON object per line on stdin (config, then exec / ping) and
# on stdout (ready / result / error / pong / log / fatal). Zygote protocol (unix seqpacket socket):
# b'fork <slot>' to it; b'spare <slot> <pid>' with 4 fds (ctrl_w, out_r, err_r, rep_r) and
# b'exit <pid> <status>' back.
import collections

OUT = sys.stdout.fileno()
ZYGOTE_DEATHS = (5, 10.0)  # this many zygote deaths within this many seconds are fatal
KILL_RETRY_S = 0.2  # a killed job whose end has not been seen is killed again this often


def send(obj):
    data = (json.dumps(obj) + "\n").encode()
    while data:
        data = data[os.write(OUT, data) :]


def fatal(message):
    send({"type": "fatal", "message": message})
    os._exit(3)


# ---------------------------------------------------------------- the warm parent


class Job:
    def __init__(self, request, slot, pid, fds):
        self.id, self.slot, self.pid = request["id"], slot, pid
        self.out, self.err, self.report = bytearray(), bytearray(), bytearray()
        self.fds = fds  # {fd: 'out' | 'err' | 'rep'}
        self.start = time.monotonic()
        self.deadline = self.start + request["timeoutMs"] / 1000
        self.reason = None
        self.wait_status = None
        self.exit_code = None  # from the child's own report, before the kernel's wait status
        self.ended = None


class Parent:
    def __init__(self, cfg):
        self.cfg = cfg
        self.privileged = cfg["privileged"] and detect_privileged()
        self.slots = cfg["concurrency"] + cfg["spares"]
        self.spares = {}  # slot -> (pid, ctrl_w, out_r, err_r, rep_r)
        self.jobs = {}  # slot -> Job
        self.forking = set()  # slots the zygote was asked to fill
        self.waiting = collections.deque()  # requests that arrived while no spare was ready
        self.zygote, self.zygote_pid, self.zygote_deaths = None, None, []
        self.sel = selectors.DefaultSelector()
        self.inbuf = bytearray()
        self.wake_r, wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        os.set_blocking(0, False)
        self.sel.register(0, selectors.EVENT_READ, "stdin")
        self.sel.register(self.wake_r, selectors.EVENT_READ, "wake")

    def start_zygote(self):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        me = os.getpid()
        pid = os.fork()
        if pid == 0:
            try:
                zygote_main(self.cfg, self.privileged, theirs, me)
            finally:
                os._exit(72)
        theirs.close()
        ours.setblocking(False)
        self.zygote, self.zygote_pid = ours, pid
        self.sel.register(ours, selectors.EVENT_READ, "zygote")

    def on_zygote(self):
        """Spares and exit statuses from the zygote; its end of the socket closing means it died."""
        while self.zygote is not None:
            try:
                message, fds, _, _ = socket.recv_fds(self.zygote, 64, 4, socket.MSG_CMSG_CLOEXEC)
            except BlockingIOError:
                return
            except OSError:
                message, fds = b"", []
            if not message:
                return self.zygote_died()
            word, a, b = message.split()
            if word == b"spare":
                self.forking.discard(int(a))
                if len(fds) == 4:
                    self.spares[int(a)] = (int(b), *fds)
                else:  # cut short: the spare reads EOF and exits; the slot is filled again
                    for fd in fds:
                        os.close(fd)
                if self.waiting and self.spares:
                    self.dispatch(self.waiting.popleft())
            elif word == b"exit":
                self.child_ended(int(a), int(b))

    def zygote_died(self):
        """Its spares and running snippets died with it (their death signal): fail those, start another."""
        self.sel.unregister(self.zygote)
        self.zygote.close()
        self.zygote = None
        if self.zygote_pid is not None:  # not reaped yet, so the pid is still its own
            try:
                os.kill(self.zygote_pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        now = time.monotonic()
        self.zygote_deaths = [t for t in self.zygote_deaths if now - t < ZYGOTE_DEATHS[1]] + [now]
        if len(self.zygote_deaths) >= ZYGOTE_DEATHS[0]:
            fatal("the fork server died %d times within %g s" % ZYGOTE_DEATHS)
        send({"type": "log", "message": "the fork server died; starting another"})
        for spare in self.spares.values():
            for fd in spare[1:]:
                os.close(fd)
        self.spares.clear()
        self.forking.clear()
        for job in list(self.jobs.values()):
            if job.wait_status is None and job.exit_code is None:
                job.reason = job.reason or "killed"
                job.wait_status = int(signal.SIGKILL)
                job.ended = now
                self.kill_slot(job.slot, job.pid)
                self.maybe_finish(job)
        self.start_zygote()
        self.top_up()

    def free_slot(self):
        for slot in range(self.slots):
            if slot not in self.spares and slot not in self.jobs and slot not in self.forking:
                return slot
        return None

    def top_up(self):
        """Asks the zygote for a spare in every free slot; never blocks."""
        slot = self.free_slot()
        while slot is not None and self.zygote is not None:
            try:
                self.zygote.send(b"fork %d" % slot)
            except OSError:
                return  # full (it is busy forking) or gone: the next pass or its EOF handles it
            self.forking.add(slot)
            slot = self.free_slot()

    def dispatch(self, request):
        if not self.spares:
            self.top_up()
            if not self.forking:
                send(
                    {
                        "type": "error",
                        "id": request["id"],
                        "message": "no free slot (more requests in flight than concurrency)",
                    }
                )
            else:
                self.waiting.append(request)
            return
        slot = next(iter(self.spares))
        pid, ctrl_w, out_r, err_r, rep_r = self.spares.pop(slot)
        job = Job(request, slot, pid, {out_r: "out", err_r: "err", rep_r: "rep"})
        self.jobs[slot] = job
        for fd in job.fds:
            os.set_blocking(fd, False)
            self.sel.register(fd, selectors.EVENT_READ, job)
        try:
            payload = json.dumps(request).encode()
            while payload:
                payload = payload[os.write(ctrl_w, payload) :]
        except OSError:
            job.reason = job.reason or "killed"
        finally:
            os.close(ctrl_w)
        self.top_up()  # the zygote forks the replacement on the other core

    def on_output(self, fd, job):
        try:
            data = os.read(fd, 1 << 16)
        except BlockingIOError:
            return
        if not data:
            self.sel.unregister(fd)
            os.close(fd)
            del job.fds[fd]
            return self.maybe_finish(job)
        kind = job.fds[fd]
        if kind == "rep":
            job.report += data[:4096]
            for line in bytes(job.report).decode(errors="replace").splitlines():
                if line.startswith("exit ") and job.exit_code is None:
                    job.exit_code = int(line.split()[1])
                    job.ended = job.ended or time.monotonic()
                    self.maybe_finish(job)
            return
        buf = job.out if kind == "out" else job.err
        buf += data
        if len(buf) > self.cfg["maxOutputBytes"] and job.reason is None:
            job.reason = "output-limit"
            self.kill_slot(job.slot, job.pid)

    def kill_slot(self, slot, pid):
        # The pid itself first: a spare handed over while still in its setup (forks are slow on
        # some machines) has neither its own process group nor the slot's uid yet.
        for kill in (os.kill, os.killpg):
            try:
                kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if self.privileged:
            uid = self.cfg["uidBase"] + slot
            os.setresuid(uid, uid, 0)  # kill(-1) as the slot's uid reaches exactly its processes
            try:
                os.kill(-1, signal.SIGKILL)
            except OSError:
                pass
            finally:
                os.setresuid(0, 0, 0)
        else:
            self.kill_orphans()

    def kill_orphans(self):
        """Processes re-parented to us (we are a subreaper) that are no spare or job: kill them."""
        known = (
            {spare[0] for spare in self.spares.values()} | {job.pid for job in self.jobs.values()} | {self.zygote_pid}
        )
        for tid in os.listdir("/proc/self/task"):
            try:
                children = open("/proc/self/task/%s/children" % tid).read().split()
            except OSError:
                continue
            for pid in map(int, children):
                if pid not in known:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass

    def reap(self):
        """Our own children: the zygote, and orphans of snippets re-parented to us (we are a subreaper)."""
        for pid, _ in reaped():
            if pid == self.zygote_pid:
                self.zygote_pid = None
                self.on_zygote()  # what it sent before dying, then its EOF

    def child_ended(self, pid, status):
        """A spare or job the zygote reaped."""
        for job in self.jobs.values():
            if job.pid == pid:
                job.wait_status = status
                job.ended = job.ended or time.monotonic()
                self.maybe_finish(job)
                return
        for slot, spare in list(self.spares.items()):
            if spare[0] == pid:  # a spare died before use: drop it, a new one is forked later
                for fd in spare[1:]:
                    os.close(fd)
                del self.spares[slot]

    def maybe_finish(self, job, force=False):
        if job.wait_status is None and job.exit_code is None:
            return
        if job.slot not in self.jobs or self.jobs[job.slot] is not job:
            return
        open_pipes = [fd for fd, kind in job.fds.items() if kind != "rep"]
        if open_pipes and not force:
            return
        for fd, kind in job.fds.items():
            if kind == "rep":  # the zygote's exit status can overtake what the child reported
                try:
                    job.report += os.read(fd, 4096)
                except OSError:
                    pass
        for fd in list(job.fds):
            self.sel.unregister(fd)
            os.close(fd)
        job.fds.clear()
        del self.jobs[job.slot]
        send(self.result(job))
        self.kill_slot(job.slot, job.pid)

    def result(self, job):
        cap = self.cfg["maxOutputBytes"]
        status, code = job.wait_status, None
        report = job.report.decode(errors="replace")
        note = ""
        if job.reason:
            state = job.reason
        elif job.exit_code is not None or os.WIFEXITED(status):
            code = job.exit_code if job.exit_code is not None else os.WEXITSTATUS(status)
            state = "memory-limit" if "memory\n" in report else "exited"
            if "setup-failed" in report:
                send({"type": "log", "message": "spare setup failed: " + report})
                state = "killed"
        else:
            signum = os.WTERMSIG(status)
            state = "timeout" if signum == signal.SIGXCPU else "killed"
            note = "\n[process killed by signal %d (%s)]\n" % (signum, signal.Signals(signum).name)
        if state == "memory-limit":
            code = None
        out, err, truncated = job.out, job.err, False
        texts = []
        for name, buf in (("stdout", out), ("stderr", err)):
            text = bytes(buf[:cap]).decode(errors="replace")
            if len(buf) > cap:
                truncated = True
                text += "\n[%s truncated: more than %d bytes]\n" % (name, cap)
            texts.append(text)
        if state == "timeout":
            texts[1] += "\n[timed out after %d ms]\n" % round((job.ended or time.monotonic()) * 1000 - job.start * 1000)
        texts[1] += note
        duration = ((job.ended or time.monotonic()) - job.start) * 1000
        return {
            "type": "result",
            "id": job.id,
            "status": state,
            "exitCode": code,
            "stdout": texts[0],
            "stderr": texts[1],
            "truncated": truncated,
            "durationMs": round(duration, 3),
        }

    def on_stdin(self):
        try:
            data = os.read(0, 1 << 20)
        except BlockingIOError:
            return
        if not data:
            self.shutdown()
        self.inbuf += data
        while b"\n" in self.inbuf:
            line, _, rest = bytes(self.inbuf).partition(b"\n")
            self.inbuf = bytearray(rest)
            message = json.loads(line)
            if message.get("type") == "exec":
                self.dispatch(message)
            elif message.get("type") == "ping":
                send({"type": "pong", "id": message.get("id"), "spares": len(self.spares), "running": len(self.jobs)})

    def check_deadlines(self, now):
        for job in list(self.jobs.values()):
            done = job.wait_status is not None or job.exit_code is not None
            if not done and now >= job.deadline:
                if job.reason is None:
                    job.reason = "timeout"
                    job.ended = now
                self.kill_slot(job.slot, job.pid)  # and again every KILL_RETRY_S until its end is seen
                job.deadline = now + KILL_RETRY_S
            elif done and now - job.ended > 0.05:
                self.maybe_finish(job, force=True)  # a leftover process kept a pipe open: it is dead now

    def loop(self):
        while True:
            now = time.monotonic()
            pending = [j.deadline - now for j in self.jobs.values() if j.wait_status is None and j.exit_code is None]
            pending += [0.05 for j in self.jobs.values() if j.wait_status is not None or j.exit_code is not None]
            events = self.sel.select(max(0.0, min(pending)) if pending else None)
            for key, _ in events:
                if key.data == "stdin":
                    self.on_stdin()
                elif key.data == "zygote":
                    self.on_zygote()
                elif key.data == "wake":
                    drain(self.wake_r)
                    self.reap()
                elif key.fd in key.data.fds:  # an earlier event of this batch may have closed it
                    self.on_output(key.fd, key.data)
            self.reap()
            self.check_deadlines(time.monotonic())
            self.top_up()

    def wait_for_spares(self):
        """At start: the first spares, so that the first requests find them ready."""
        while self.forking:
            for key, _ in self.sel.select(1.0):
                if key.data == "zygote":
                    self.on_zygote()
            self.reap()

    def shutdown(self):
        for slot, spare in list(self.spares.items()):
            os.close(spare[1])  # a spare reading EOF exits
        for job in list(self.jobs.values()):
            self.kill_slot(job.slot, job.pid)
        if self.zygote is not None:
            self.zygote.close()  # it reaps its children and exits
        self.kill_orphans()
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:  # reap everything ourselves: leave no zombie to the host
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                break
        os._exit(0)


def main():
    line = sys.stdin.buffer.readline()
    cfg = json.loads(line)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    versions = {}
    for name in cfg["modules"]:
        try:
            module = __import__(name)
            if "." not in name and name not in sys.stdlib_module_names and hasattr(module, "__version__"):
                versions[name] = str(module.__version__)
        except Exception as error:
            fatal("python module %s cannot be imported (%s: %s)" % (name, type(error).__name__, error))
    gc.collect()
    gc.freeze()
    collapse_heap()
    parent = Parent(cfg)
    parent.start_zygote()
    parent.top_up()
    parent.wait_for_spares()
    send(
        {
            "type": "ready",
            "privileged": parent.privileged,
            "python": sys.version.split()[0],
            "modules": versions,
            "pid": os.getpid(),
        }
    )
    parent.loop()


if __name__ == "__main__":
    main()
