# The fork server ("zygote") and the spares it forks. The zygote is a copy of the warm parent made
# once the libraries are imported; it forks spares on the parent's request, hands their pipe ends to
# the parent over a unix socket (SCM_RIGHTS) and reports each child it reaps. A spare confines
# itself while it waits, then runs one snippet. Prepended to driver.py.
import ctypes, errno, gc, json, os, resource, select, selectors, shutil, signal, socket, sys, time

CLONE_NEWNS = 0x00020000
MS_REC, MS_PRIVATE, MS_NOSUID, MS_NODEV = 1 << 14, 1 << 18, 2, 4
PR_SET_PDEATHSIG, PR_SET_NAME, PR_SET_NO_NEW_PRIVS, PR_SET_CHILD_SUBREAPER = 1, 15, 38, 36
libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
TRACEBACK_FRAMES = 1000  # plain Python's default sys.tracebacklimit
PROCESS_NAME = open("/proc/self/comm", "rb").read().strip()


def check(rc, what):
    if rc != 0:
        raise OSError(ctypes.get_errno(), what)


def collapse_heap():
    """Back the warm heap with huge pages (measured: fork + exit 8.7 ms -> 3.9 ms); best effort."""
    for line in open("/proc/self/maps"):
        parts = line.split()
        if not parts[1].startswith("rw") or (len(parts) >= 6 and parts[5] != "[heap]"):
            continue
        start, end = (int(x, 16) for x in parts[0].split("-"))
        lo, hi = (start + (1 << 21) - 1) & ~((1 << 21) - 1), end & ~((1 << 21) - 1)
        if hi > lo:
            libc.madvise(lo, hi - lo, 14)  # MADV_HUGEPAGE
            libc.madvise(lo, hi - lo, 25)  # MADV_COLLAPSE


def detect_privileged():
    if os.geteuid() != 0:
        return False
    cap = int(open("/proc/self/status").read().split("CapEff:")[1].split()[0], 16)
    return all(cap & (1 << bit) for bit in (6, 7, 21))  # SETGID, SETUID, SYS_ADMIN


# ---------------------------------------------------------------- the zygote


def zygote_main(cfg, privileged, sock, parent_pid):
    """Serves b'fork <slot>' until the parent closes the socket; never returns."""
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before the line above
    libc.prctl(PR_SET_NAME, b"r1ci-zygote", 0, 0, 0)
    signal.set_wakeup_fd(-1)
    keep = sock.fileno()
    null = os.open("/dev/null", os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)  # the protocol pipe to Node belongs to the parent alone
    sys.stdout.reconfigure(line_buffering=True)  # once here rather than in every spare
    os.closerange(3, keep)
    os.closerange(keep + 1, 1 << 16)
    gc.disable()  # no collection may run a finaliser that closes a reused fd number; spares re-enable
    sock.setblocking(True)
    # SIGCHLD reaches the loop through a wakeup pipe, so a child that ends just before the loop
    # blocks is still reaped. (Reaping in the Python handler missed such children: the handler runs
    # between bytecodes, and one that became due just before the blocking recv ran only after the
    # next message, which may never come.) The loop stays small, since every page it writes after a
    # fork is a copy-on-write fault.
    wake_r, wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    try:
        while True:
            ready = select.select([keep, wake_r], [], [])[0]
            if wake_r in ready:
                drain(wake_r)
                zygote_reap(sock)
            if keep not in ready:
                continue
            message = sock.recv(64)
            if not message:
                zygote_exit()
            word, slot = message.split()
            if word == b"fork":
                zygote_fork(cfg, privileged, sock, int(slot))
    except OSError:
        os._exit(1)  # the parent went away: our children die with us (their death signal)


def drain(fd):
    try:
        while os.read(fd, 512):
            pass
    except BlockingIOError:
        pass


def reaped():
    """Every child that has ended, as (pid, wait status), without blocking."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        yield pid, status


def zygote_reap(sock):
    for pid, status in reaped():
        sock.send(b"exit %d %d" % (pid, status))


def zygote_exit():
    """The parent closed the socket: it has closed the spares' pipes and killed the jobs."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, lambda *_: os._exit(0))
    signal.alarm(2)
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            os._exit(0)


def zygote_fork(cfg, privileged, sock, slot):
    ctrl_r, ctrl_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    rep_r, rep_w = os.pipe()
    zygote = os.getpid()
    vsize = int(open("/proc/self/status").read().split("VmSize:")[1].split()[0]) * 1024  # the spare's size
    pid = os.fork()
    if pid == 0:
        try:
            child_main(cfg, slot, privileged, (ctrl_r, out_w, err_w, rep_w), zygote, vsize)
        finally:
            os._exit(71)
    for fd in (ctrl_r, out_w, err_w, rep_w):
        os.close(fd)
    ours = (ctrl_w, out_r, err_r, rep_r)
    try:
        socket.send_fds(sock, [b"spare %d %d" % (slot, pid)], ours)
    finally:
        for fd in ours:
            os.close(fd)


# ---------------------------------------------------------------- a spare (one snippet)


def child_setup(cfg, slot, privileged, zygote):
    """Runs in a fresh fork before any request: private dirs, dropped privileges, no way back."""
    os.setsid()
    work = cfg["workDir"]
    if privileged:
        uid = cfg["uidBase"] + slot
        check(libc.unshare(CLONE_NEWNS), "unshare")
        check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "mount private")
        opts = ("size=%dm,mode=0700,uid=%d,gid=%d" % (cfg["tmpfsMb"], uid, uid)).encode()
        for target in (work, "/tmp", "/dev/shm"):
            if os.path.isdir(target):
                check(libc.mount(b"tmpfs", target.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, opts), "mount " + target)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    else:
        # The slot's last snippet has ended (the slot is refilled only then): start from an empty
        # dir, or from a fresh one if it left something rmtree cannot remove.
        work = os.path.join(cfg["scratchDir"], "slot-%d" % slot)
        shutil.rmtree(work, ignore_errors=True)
        if os.path.lexists(work):
            work = "%s-%d" % (work, os.getpid())
        os.makedirs(work, mode=0o700)
        os.environ["TMPDIR"] = work
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # after setuid, which clears it
    if os.getppid() != zygote:
        os._exit(0)  # the zygote died before the line above
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    os.chdir(work)
    os.environ["HOME"] = work


def set_limits(cfg, request, vsize):
    memory = int(request.get("memoryMb") or cfg["memoryMb"]) << 20
    cpu = int(request["timeoutMs"] / 1000) + 1
    limits = [
        (resource.RLIMIT_AS, vsize + memory),
        (resource.RLIMIT_CPU, cpu),
        (resource.RLIMIT_FSIZE, cfg["fileSizeMb"] << 20),
        (resource.RLIMIT_NOFILE, cfg["openFiles"]),
        (resource.RLIMIT_CORE, 0),
    ]
    if cfg["processes"] > 0:
        limits.append((resource.RLIMIT_NPROC, cfg["processes"]))
    for which, value in limits:
        resource.setrlimit(which, (value, value))


def child_main(cfg, slot, privileged, fds, zygote, vsize):
    signal.set_wakeup_fd(-1)  # first: the zygote's wakeup fd number is about to be reused
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    import fcntl

    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 512) for fd in fds]  # out of the way of 0..4
    for target, fd in zip((3, 1, 2, 4), high):
        os.dup2(fd, target)
    os.closerange(5, 1 << 16)
    os.set_inheritable(4, False)
    libc.prctl(PR_SET_NAME, PROCESS_NAME, 0, 0, 0)
    gc.enable()
    try:
        child_setup(cfg, slot, privileged, zygote)
    except Exception as error:
        report("setup-failed " + repr(error).replace("\n", " "))
        os._exit(70)
    # Done while the spare waits, off the request's path: a fork copies numpy's generator state.
    if "numpy" in sys.modules:  # a full random state (set_state: 0.26 ms of CPU; seed(): 0.65 ms)
        np = sys.modules["numpy"]
        np.random.set_state(("MT19937", np.frombuffer(os.urandom(2496), dtype=np.uint32), 624, 0, 0.0))
    chunks = []
    while True:
        chunk = os.read(3, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(3)
    if not chunks:
        os._exit(0)  # the parent went away or retired this spare
    request = json.loads(b"".join(chunks))
    stdin = request.get("stdin") or ""
    fd = os.memfd_create("stdin")
    os.write(fd, stdin.encode())
    os.lseek(fd, 0, 0)
    os.dup2(fd, 0)
    os.close(fd)
    set_limits(cfg, request, vsize)
    run_snippet(request["code"])


def run_snippet(code):
    import builtins, linecache, threading, traceback

    sys.argv = [""]
    name = "<snippet>"
    linecache.cache[name] = (len(code), None, code.splitlines(True), name)
    scope = {"__name__": "__main__", "__builtins__": builtins}
    rc = 0
    try:
        exec(compile(code, name, "exec"), scope)
        threading._shutdown()
    except SystemExit as stop:
        rc = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        if not isinstance(stop.code, int) and stop.code is not None:
            print(stop.code, file=sys.stderr)
    except BaseException as error:
        rc = 1
        tb = None if isinstance(error, SyntaxError) else error.__traceback__.tb_next
        # The last 1000 frames only, as plain Python prints: formatting every frame of a recursion
        # millions of frames deep took longer than the time limit, and the error was lost.
        traceback.print_exception(type(error), error, tb, limit=-TRACEBACK_FRAMES)
        if isinstance(error, MemoryError):
            report("memory")
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError as error:
            if error.errno != errno.EBADF:  # EBADF: the snippet closed the fd itself; plain Python exits 0 then
                rc = rc or 120
        except Exception:
            rc = rc or 120  # plain Python's status when flushing at exit fails
    # Close the output pipes and report before exiting: tearing down the private mount namespace
    # at exit waits on RCU (~10-20 ms), and the result need not wait for it.
    for fd in (1, 2):
        try:
            os.close(fd)
        except OSError:
            pass  # the snippet closed it already (os.close(1)): the snippet's exit code still stands
    report("exit %d" % (rc & 0xFF))
    os._exit(rc & 0xFF)


def report(line):
    try:
        os.write(4, (line + "\n").encode())
    except OSError:
        pass
