# The warm parent of the sandbox pool: imports the scientific stack once, keeps pre-forked spare
# children (each already in its own mount namespace and uid, waiting on a pipe), hands each snippet
# to one, relays its output with caps, enforces the wall clock and reaps everything it spawned.
# Protocol with Node: one JSON object per line on stdin (config first, then exec requests) and
# one JSON object per line on stdout (ready / result / fatal).
import ctypes, gc, json, os, resource, selectors, signal, sys, time

CLONE_NEWNS = 0x00020000
MS_REC, MS_PRIVATE, MS_NOSUID, MS_NODEV = 1 << 14, 1 << 18, 2, 4
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_CHILD_SUBREAPER = 1, 38, 36
libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
OUT = sys.stdout.fileno()


def send(obj):
    data = (json.dumps(obj) + '\n').encode()
    while data:
        data = data[os.write(OUT, data):]


def fatal(message):
    send({'type': 'fatal', 'message': message})
    os._exit(3)


def collapse_heap():
    """Back the warm heap with huge pages (measured: fork + exit 8.7 ms -> 3.9 ms); best effort."""
    for line in open('/proc/self/maps'):
        parts = line.split()
        if not parts[1].startswith('rw') or (len(parts) >= 6 and parts[5] != '[heap]'):
            continue
        start, end = (int(x, 16) for x in parts[0].split('-'))
        lo, hi = (start + (1 << 21) - 1) & ~((1 << 21) - 1), end & ~((1 << 21) - 1)
        if hi > lo:
            libc.madvise(lo, hi - lo, 14)  # MADV_HUGEPAGE
            libc.madvise(lo, hi - lo, 25)  # MADV_COLLAPSE


def detect_privileged():
    if os.geteuid() != 0:
        return False
    cap = int(open('/proc/self/status').read().split('CapEff:')[1].split()[0], 16)
    return all(cap & (1 << bit) for bit in (6, 7, 21))  # SETGID, SETUID, SYS_ADMIN


def check(rc, what):
    if rc != 0:
        raise OSError(ctypes.get_errno(), what)


# ---------------------------------------------------------------- the child (one snippet)

def child_setup(cfg, slot, privileged):
    """Runs in a fresh fork before any request: private dirs, dropped privileges, no way back."""
    os.setsid()
    work = cfg['workDir']
    if privileged:
        uid = cfg['uidBase'] + slot
        check(libc.unshare(CLONE_NEWNS), 'unshare')
        check(libc.mount(b'none', b'/', None, MS_REC | MS_PRIVATE, None), 'mount private')
        opts = ('size=%dm,mode=0700,uid=%d,gid=%d' % (cfg['tmpfsMb'], uid, uid)).encode()
        for target in (work, '/tmp', '/dev/shm'):
            if os.path.isdir(target):
                check(libc.mount(b'tmpfs', target.encode(), b'tmpfs', MS_NOSUID | MS_NODEV, opts), 'mount ' + target)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    else:
        work = os.path.join(cfg['scratchDir'], 'slot-%d' % slot)
        os.makedirs(work, mode=0o700, exist_ok=True)
        os.environ['TMPDIR'] = work
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # after setuid, which clears it
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    os.chdir(work)
    os.environ['HOME'] = work


def set_limits(cfg, request, vsize):
    memory = int(request.get('memoryMb') or cfg['memoryMb']) << 20
    cpu = int(request['timeoutMs'] / 1000) + 1
    limits = [(resource.RLIMIT_AS, vsize + memory), (resource.RLIMIT_CPU, cpu),
              (resource.RLIMIT_FSIZE, cfg['fileSizeMb'] << 20), (resource.RLIMIT_NOFILE, cfg['openFiles']),
              (resource.RLIMIT_CORE, 0)]
    if cfg['processes'] > 0:
        limits.append((resource.RLIMIT_NPROC, cfg['processes']))
    for which, value in limits:
        resource.setrlimit(which, (value, value))


def child_main(cfg, slot, privileged, fds):
    import fcntl
    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 512) for fd in fds]  # out of the way of 0..4
    for target, fd in zip((3, 1, 2, 4), high):
        os.dup2(fd, target)
    os.closerange(5, 1 << 16)
    os.set_inheritable(4, False)
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    try:
        child_setup(cfg, slot, privileged)
    except Exception as error:
        report('setup-failed ' + repr(error).replace('\n', ' '))
        os._exit(70)
    # Done while the spare waits, off the request's path: a fork copies numpy's generator state, so
    # reseed it; and measure the interpreter's size once (the memory limit is added on top of it).
    if 'numpy' in sys.modules:
        sys.modules['numpy'].random.seed()
    vsize = int(open('/proc/self/status').read().split('VmSize:')[1].split()[0]) * 1024
    chunks = []
    while True:
        chunk = os.read(3, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(3)
    if not chunks:
        os._exit(0)  # the parent went away or retired this spare
    request = json.loads(b''.join(chunks))
    stdin = request.get('stdin') or ''
    fd = os.memfd_create('stdin')
    os.write(fd, stdin.encode())
    os.lseek(fd, 0, 0)
    os.dup2(fd, 0)
    os.close(fd)
    set_limits(cfg, request, vsize)
    run_snippet(request['code'])


def run_snippet(code):
    import builtins, linecache, threading, traceback
    sys.stdout.reconfigure(line_buffering=True)
    sys.argv = ['']
    name = '<snippet>'
    linecache.cache[name] = (len(code), None, code.splitlines(True), name)
    scope = {'__name__': '__main__', '__builtins__': builtins}
    rc = 0
    try:
        exec(compile(code, name, 'exec'), scope)
        threading._shutdown()
    except SystemExit as stop:
        rc = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        if not isinstance(stop.code, int) and stop.code is not None:
            print(stop.code, file=sys.stderr)
    except BaseException as error:
        rc = 1
        tb = None if isinstance(error, SyntaxError) else error.__traceback__.tb_next
        traceback.print_exception(type(error), error, tb)
        if isinstance(error, MemoryError):
            report('memory')
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            rc = rc or 1
    # Close the output pipes and report before exiting: tearing down the private mount namespace
    # at exit waits on RCU (~10-20 ms), and the result need not wait for it.
    os.close(1)
    os.close(2)
    report('exit %d' % (rc & 0xFF))
    os._exit(rc & 0xFF)


def report(line):
    try:
        os.write(4, (line + '\n').encode())
    except OSError:
        pass


# ---------------------------------------------------------------- the warm parent

class Job:
    def __init__(self, request, slot, pid, fds):
        self.id, self.slot, self.pid = request['id'], slot, pid
        self.out, self.err, self.report = bytearray(), bytearray(), bytearray()
        self.fds = fds  # {fd: 'out' | 'err' | 'rep'}
        self.start = time.monotonic()
        self.deadline = self.start + request['timeoutMs'] / 1000
        self.reason = None
        self.wait_status = None
        self.exit_code = None  # from the child's own report, before the kernel's wait status
        self.ended = None


class Parent:
    def __init__(self, cfg):
        self.cfg = cfg
        self.privileged = cfg['privileged'] and detect_privileged()
        self.slots = cfg['concurrency'] + cfg['spares']
        self.spares = {}  # slot -> (pid, ctrl_w, out_r, err_r, rep_r)
        self.jobs = {}  # slot -> Job
        self.sel = selectors.DefaultSelector()
        self.inbuf = bytearray()
        self.wake_r, wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        os.set_blocking(0, False)
        self.sel.register(0, selectors.EVENT_READ, 'stdin')
        self.sel.register(self.wake_r, selectors.EVENT_READ, 'wake')

    def fork_spare(self, slot):
        ctrl_r, ctrl_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        rep_r, rep_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                child_main(self.cfg, slot, self.privileged, (ctrl_r, out_w, err_w, rep_w))
            finally:
                os._exit(71)
        for fd in (ctrl_r, out_w, err_w, rep_w):
            os.close(fd)
        for fd in (ctrl_w, out_r, err_r, rep_r):
            os.set_inheritable(fd, False)
        self.spares[slot] = (pid, ctrl_w, out_r, err_r, rep_r)

    def free_slot(self):
        for slot in range(self.slots):
            if slot not in self.spares and slot not in self.jobs:
                return slot
        return None

    def top_up(self):
        slot = self.free_slot()
        while slot is not None:
            self.fork_spare(slot)
            slot = self.free_slot()

    def dispatch(self, request):
        if not self.spares:
            slot = self.free_slot()
            if slot is None:
                send({'type': 'error', 'id': request['id'], 'message': 'no free slot (more requests in flight than concurrency)'})
                return
            self.fork_spare(slot)
        slot = next(iter(self.spares))
        pid, ctrl_w, out_r, err_r, rep_r = self.spares.pop(slot)
        job = Job(request, slot, pid, {out_r: 'out', err_r: 'err', rep_r: 'rep'})
        self.jobs[slot] = job
        for fd in job.fds:
            os.set_blocking(fd, False)
            self.sel.register(fd, selectors.EVENT_READ, job)
        refill = self.free_slot()
        try:
            payload = json.dumps(request).encode()
            while payload:
                payload = payload[os.write(ctrl_w, payload):]
        except OSError:
            job.reason = job.reason or 'killed'
        finally:
            os.close(ctrl_w)
        if refill is not None:
            self.fork_spare(refill)  # the replacement forks while the snippet runs on another core

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
        if kind == 'rep':
            job.report += data[:4096]
            for line in bytes(job.report).decode(errors='replace').splitlines():
                if line.startswith('exit ') and job.exit_code is None:
                    job.exit_code = int(line.split()[1])
                    job.ended = job.ended or time.monotonic()
                    self.maybe_finish(job)
            return
        buf = job.out if kind == 'out' else job.err
        buf += data
        if len(buf) > self.cfg['maxOutputBytes'] and job.reason is None:
            job.reason = 'output-limit'
            self.kill_slot(job.slot, job.pid)

    def kill_slot(self, slot, pid):
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
        if self.privileged:
            uid = self.cfg['uidBase'] + slot
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
        known = {spare[0] for spare in self.spares.values()} | {job.pid for job in self.jobs.values()}
        for tid in os.listdir('/proc/self/task'):
            try:
                children = open('/proc/self/task/%s/children' % tid).read().split()
            except OSError:
                continue
            for pid in map(int, children):
                if pid not in known:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass

    def reap(self):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            for job in self.jobs.values():
                if job.pid == pid:
                    job.wait_status = status
                    job.ended = job.ended or time.monotonic()
                    self.maybe_finish(job)
                    break
            else:
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
        open_pipes = [fd for fd, kind in job.fds.items() if kind != 'rep']
        if open_pipes and not force:
            return
        for fd in list(job.fds):
            self.sel.unregister(fd)
            os.close(fd)
        job.fds.clear()
        del self.jobs[job.slot]
        send(self.result(job))
        self.kill_slot(job.slot, job.pid)

    def result(self, job):
        cap = self.cfg['maxOutputBytes']
        status, code = job.wait_status, None
        report = job.report.decode(errors='replace')
        note = ''
        if job.reason:
            state = job.reason
        elif job.exit_code is not None or os.WIFEXITED(status):
            code = job.exit_code if job.exit_code is not None else os.WEXITSTATUS(status)
            state = 'memory-limit' if 'memory\n' in report else 'exited'
            if 'setup-failed' in report:
                send({'type': 'log', 'message': 'spare setup failed: ' + report})
                state = 'killed'
        else:
            signum = os.WTERMSIG(status)
            state = 'timeout' if signum == signal.SIGXCPU else 'killed'
            note = '\n[process killed by signal %d (%s)]\n' % (signum, signal.Signals(signum).name)
        if state == 'memory-limit':
            code = None
        out, err, truncated = job.out, job.err, False
        texts = []
        for name, buf in (('stdout', out), ('stderr', err)):
            text = bytes(buf[:cap]).decode(errors='replace')
            if len(buf) > cap:
                truncated = True
                text += '\n[%s truncated: more than %d bytes]\n' % (name, cap)
            texts.append(text)
        if state == 'timeout':
            texts[1] += '\n[timed out after %d ms]\n' % round((job.ended or time.monotonic()) * 1000 - job.start * 1000)
        texts[1] += note
        duration = ((job.ended or time.monotonic()) - job.start) * 1000
        return {'type': 'result', 'id': job.id, 'status': state, 'exitCode': code, 'stdout': texts[0],
                'stderr': texts[1], 'truncated': truncated, 'durationMs': round(duration, 3)}

    def on_stdin(self):
        try:
            data = os.read(0, 1 << 20)
        except BlockingIOError:
            return
        if not data:
            self.shutdown()
        self.inbuf += data
        while b'\n' in self.inbuf:
            line, _, rest = bytes(self.inbuf).partition(b'\n')
            self.inbuf = bytearray(rest)
            message = json.loads(line)
            if message.get('type') == 'exec':
                self.dispatch(message)
            elif message.get('type') == 'ping':
                send({'type': 'pong', 'id': message.get('id'), 'spares': len(self.spares), 'running': len(self.jobs)})

    def check_deadlines(self, now):
        for job in list(self.jobs.values()):
            done = job.wait_status is not None or job.exit_code is not None
            if not done and now >= job.deadline and job.reason is None:
                job.reason = 'timeout'
                job.ended = now
                self.kill_slot(job.slot, job.pid)
            elif done and now - job.ended > 0.05:
                self.maybe_finish(job, force=True)  # a leftover process kept a pipe open: it is dead now

    def loop(self):
        while True:
            now = time.monotonic()
            pending = [j.deadline - now for j in self.jobs.values() if j.wait_status is None and j.exit_code is None]
            pending += [0.05 for j in self.jobs.values() if j.wait_status is not None or j.exit_code is not None]
            idle = not self.jobs and self.free_slot() is not None
            timeout = 0 if idle else (max(0.0, min(pending)) if pending else None)
            events = self.sel.select(timeout)
            if not events and not self.jobs:
                self.top_up()
            for key, _ in events:
                if key.data == 'stdin':
                    self.on_stdin()
                elif key.data == 'wake':
                    while True:
                        try:
                            if not os.read(self.wake_r, 512):
                                break
                        except BlockingIOError:
                            break
                    self.reap()
                elif key.fd in key.data.fds:  # an earlier event of this batch may have closed it
                    self.on_output(key.fd, key.data)
            self.reap()
            self.check_deadlines(time.monotonic())

    def shutdown(self):
        for slot, spare in list(self.spares.items()):
            os.close(spare[1])  # a spare reading EOF exits
        for job in list(self.jobs.values()):
            self.kill_slot(job.slot, job.pid)
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
    for name in cfg['modules']:
        try:
            module = __import__(name)
            if '.' not in name and name not in sys.stdlib_module_names and hasattr(module, '__version__'):
                versions[name] = str(module.__version__)
        except Exception as error:
            fatal('python module %s cannot be imported (%s: %s)' % (name, type(error).__name__, error))
    gc.collect()
    gc.freeze()
    collapse_heap()
    parent = Parent(cfg)
    parent.top_up()
    send({'type': 'ready', 'privileged': parent.privileged, 'python': sys.version.split()[0],
          'modules': versions, 'pid': os.getpid()})
    parent.loop()


if __name__ == '__main__':
    main()
