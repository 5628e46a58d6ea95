#!/usr/bin/env python3
"""profile.py - summarise where a JVM spends its time during a benchmark run (stdlib only).

  profile.py threads PID > snap.txt          per-thread CPU ticks (from /proc/PID/task)
  profile.py threads-diff A B [--msgs N]     CPU per thread group between two snapshots,
                                             user/system split, ms per message
  profile.py jfr FILE.jfr [--msgs N]         JFR recording (bench/smtp/profile.jfc):
                                             top self frames, top inclusive methods,
                                             samples by code area, allocation by site, GC
  profile.py stacks DUMP...                  jcmd Thread.print snapshots: what the
                                             RUNNABLE worker threads were doing

Thread groups strip trailing numbers from thread names ("pool-1-thread-17" ->
"pool-1-thread-"). JFR execution samples only see threads running Java code;
time in system calls (socket I/O), the garbage collector (VM Thread) and the JIT
compilers shows up in the per-thread CPU split instead, so read the two together.
"""
import argparse
import collections
import os
import re
import subprocess
import sys

HZ = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- threads
def threads(pid):
    for tid in sorted(os.listdir("/proc/%d/task" % pid), key=int):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                stat = f.read()
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                name = f.read().strip()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        print("%s\t%s\t%s\t%s" % (tid, name, fields[11], fields[12]))
    return 0


def group_name(name):
    # SubEtha renames a pool thread "org.subethamail.smtp.server.Session-/client:port" while it serves
    # a connection (/proc shows the first 15 characters); the acceptor thread has the same prefix.
    if name.startswith(("pool-", "org.subethamail")):
        return "SMTP sessions (pool-*, Session-*, acceptor)"
    name = re.sub(r"\d+$", "", name)
    return name or "?"


def load_snapshot(path):
    snap = {}
    with open(path) as f:
        for line in f:
            tid, name, ut, st = line.rstrip("\n").split("\t")
            snap[tid] = (name, int(ut), int(st))
    return snap


def threads_diff(a, b, msgs):
    before, after = load_snapshot(a), load_snapshot(b)
    groups = collections.defaultdict(lambda: [0, 0, 0])
    for tid, (name, ut, st) in after.items():
        u0, s0 = before.get(tid, (name, 0, 0))[1:]
        g = groups[group_name(name)]
        g[0] += ut - u0
        g[1] += st - s0
        g[2] += 1
    total = sum(g[0] + g[1] for g in groups.values()) or 1
    tu = sum(g[0] for g in groups.values())
    ts = sum(g[1] for g in groups.values())
    print("| thread group | threads | user s | system s | share of JVM CPU | ms/msg |")
    print("|---|---|---|---|---|---|")
    for name, (u, s, n) in sorted(groups.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        if u + s == 0:
            continue
        print("| %s | %d | %.2f | %.2f | %.1f %% | %s |" % (
            name, n, u / HZ, s / HZ, 100.0 * (u + s) / total,
            "%.3f" % (1000.0 * (u + s) / HZ / msgs) if msgs else "-"))
    print("| **all** | %d | %.2f | %.2f | 100 %% | %s |" % (
        len(after), tu / HZ, ts / HZ, "%.3f" % (1000.0 * (tu + ts) / HZ / msgs) if msgs else "-"))
    return 0


# ---------------------------------------------------------------- jfr
FRAME = re.compile(r"^\s+([\w$.<>/]+)\.([\w$<>]+)\(.*\)\s+line:")
UNITS = {"bytes": 1, "byte": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def parse_bytes(s):
    num, unit = s.split()
    return float(num) * UNITS.get(unit, 1)


def parse_duration_ms(s):
    num, unit = s.split()
    return float(num) * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}.get(unit, 1.0)


def seconds_of_day(hms):
    """'07:16:39.690' (as jfr print shows startTime) -> seconds since midnight."""
    h, m, sec = hms.split()[0].split(":")
    return int(h) * 3600 + int(m) * 60 + float(sec)


def jfr_events(path, names, depth=64):
    """Yield (type, fields, frames) from `jfr print` text output."""
    proc = subprocess.Popen(["jfr", "print", "--stack-depth", str(depth), "--events", names, path],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    etype, fields, frames, in_stack = None, {}, [], False
    for line in proc.stdout:
        if etype is None:
            m = re.match(r"^(jdk\.\w+) \{", line)
            if m:
                etype, fields, frames, in_stack = m.group(1), {}, [], False
            continue
        if line.startswith("}"):
            yield etype, fields, frames
            etype = None
            continue
        if in_stack:
            if line.strip() == "]":
                in_stack = False
                continue
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1) + "." + m.group(2))
            continue
        s = line.strip()
        if s.startswith("stackTrace = ["):
            in_stack = True
        elif " = " in s:
            k, v = s.split(" = ", 1)
            fields[k] = v
    proc.wait()


# code areas, first match wins, checked from the top of the stack down
AREAS = [
    ("postwarden: DataReader (DATA un-stuffing, limits)", "com.postwarden.smtp.listener.DataReader"),
    ("postwarden: message parser (Mime4J, Tika)", "com.postwarden.smtp.message"),
    ("postwarden: relay client", "com.postwarden.smtp.relay"),
    ("postwarden: pipeline, trace headers, log", "com.postwarden.smtp.pipeline"),
    ("postwarden: spool", "com.postwarden.smtp.spool"),
    ("postwarden: listener commands", "com.postwarden.smtp.listener"),
    ("postwarden: other", "com.postwarden"),
    ("SubEtha SMTP (sessions, command reader)", "org.subethamail"),
    ("logging (logback)", "ch.qos.logback"),
]


def area_of(frames):
    """Area of the innermost frame that belongs to a known area (JDK code counts for its caller)."""
    for f in frames:
        for label, prefix in AREAS:
            if f.startswith(prefix):
                return label
    return "JDK / other (no application frame)"


def app_frame(frames):
    for f in frames:
        if not f.startswith(("java.", "javax.", "jdk.", "sun.")):
            return f
    return frames[0] if frames else "?"


def pct(n, total):
    return "%.1f %%" % (100.0 * n / total) if total else "-"


def jfr_report(path, msgs, top, begin=None, end=None):
    self_c, incl_c, app_c, area_c, thread_c = (collections.Counter() for _ in range(5))
    alloc_site, alloc_class = collections.Counter(), collections.Counter()
    n_exec = 0
    alloc_total = 0.0
    gc_n, gc_ms, gc_max = 0, 0.0, 0.0
    talloc = {}                      # thread -> [first, last] allocated bytes (everyChunk)
    b = seconds_of_day(begin) if begin else None
    e = seconds_of_day(end) if end else None
    for etype, f, frames in jfr_events(path, "jdk.ExecutionSample,jdk.ObjectAllocationSample,"
                                             "jdk.GarbageCollection,jdk.ThreadAllocationStatistics"):
        if (b is not None or e is not None) and "startTime" in f:
            t = seconds_of_day(f["startTime"])
            if (b is not None and t < b) or (e is not None and t > e):
                continue
        if etype == "jdk.ExecutionSample":
            if not frames:
                continue
            n_exec += 1
            self_c[frames[0]] += 1
            for m in set(frames):
                incl_c[m] += 1
            app_c[app_frame(frames)] += 1
            area_c[area_of(frames)] += 1
            st = f.get("sampledThread", "")
            thread_c[group_name(st.split('"')[1] if st.count('"') >= 2 else "?")] += 1
        elif etype == "jdk.ObjectAllocationSample":
            w = parse_bytes(f.get("weight", "0 bytes"))
            alloc_total += w
            alloc_site[app_frame(frames)] += w
            alloc_class[f.get("objectClass", "?").split(" (")[0]] += w
        elif etype == "jdk.GarbageCollection":
            d = parse_duration_ms(f.get("sumOfPauses", "0 ms"))
            gc_n += 1
            gc_ms += d
            gc_max = max(gc_max, d)
        elif etype == "jdk.ThreadAllocationStatistics":
            t = f.get("thread", "?")
            v = parse_bytes(f.get("allocated", "0 bytes"))
            talloc.setdefault(t, [v, v])[1] = v

    print("JFR %s%s: %d execution samples (threads running Java code; period set in profile.jfc)%s" % (
        os.path.basename(path), " from %s to %s" % (begin, end) if begin or end else "", n_exec,
        ", %d messages" % msgs if msgs else ""))
    print()
    print("#### Samples by code area (innermost application frame; JDK code counts for its caller)")
    print()
    print("| area | samples | share |")
    print("|---|---|---|")
    for k, v in area_c.most_common():
        print("| %s | %d | %s |" % (k, v, pct(v, n_exec)))
    print()
    print("#### Top self frames (the method on top of the stack)")
    print()
    print("| method | samples | share |")
    print("|---|---|---|")
    for k, v in self_c.most_common(top):
        print("| `%s` | %d | %s |" % (k, v, pct(v, n_exec)))
    print()
    print("#### Top innermost non-JDK frames (where application code called into the JDK)")
    print()
    print("| method | samples | share |")
    print("|---|---|---|")
    for k, v in app_c.most_common(top):
        print("| `%s` | %d | %s |" % (k, v, pct(v, n_exec)))
    print()
    print("#### Top inclusive methods (share of samples with the method anywhere on the stack)")
    print()
    print("| method | samples | share |")
    print("|---|---|---|")
    shown = 0
    for k, v in incl_c.most_common():
        if k.startswith(("java.lang.Thread.run", "java.util.concurrent.ThreadPoolExecutor")):
            continue
        print("| `%s` | %d | %s |" % (k, v, pct(v, n_exec)))
        shown += 1
        if shown >= top:
            break
    print()
    print("#### Samples by thread group")
    print()
    print("| thread group | samples | share |")
    print("|---|---|---|")
    for k, v in thread_c.most_common(10):
        print("| %s | %d | %s |" % (k, v, pct(v, n_exec)))
    print()
    t_alloc = sum(max(0.0, b - a) for a, b in talloc.values())
    print("#### Allocation")
    print()
    if msgs and t_alloc:
        print("Allocated in the window (jdk.ThreadAllocationStatistics, first vs last per thread): %.0f MB, "
              "%.1f KB per message." % (t_alloc / 2 ** 20, t_alloc / 1024.0 / msgs))
    print("Young/old collections: %d, total pause %.0f ms, longest %.1f ms%s." % (
        gc_n, gc_ms, gc_max, (", %.3f ms per message" % (gc_ms / msgs)) if msgs else ""))
    print()
    print("| allocation site (innermost non-JDK frame, jdk.ObjectAllocationSample weight) | share |")
    print("|---|---|")
    for k, v in alloc_site.most_common(12):
        print("| `%s` | %s |" % (k, pct(v, alloc_total)))
    print()
    print("| allocated class | share |")
    print("|---|---|")
    for k, v in alloc_class.most_common(8):
        print("| `%s` | %s |" % (k, pct(v, alloc_total)))
    return 0


# ---------------------------------------------------------------- Thread.print
IDLE_TOP = ("sun.nio.ch.Net.accept", "sun.nio.ch.Net.poll", "sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.read",
            "sun.nio.ch.SocketDispatcher.read", "java.net.SocketInputStream.read",
            "java.net.SocketInputStream.socketRead0", "sun.nio.ch.SocketDispatcher.read0",
            "sun.nio.ch.NioSocketImpl.park", "java.lang.Object.wait", "jdk.internal.misc.Unsafe.park")


def stacks(paths, top):
    states = collections.Counter()
    busy = collections.Counter()
    busy_app = collections.Counter()
    waiting_app = collections.Counter()
    n_dumps = 0
    for path in paths:
        n_dumps += 1
        with open(path, errors="replace") as f:
            text = f.read()
        for block in text.split("\n\n"):
            lines = block.strip().splitlines()
            if not lines or not lines[0].startswith('"'):
                continue
            name = lines[0].split('"')[1]
            if not name.startswith(("pool-", "org.subethamail.smtp.server.Session-")):
                continue
            state = "?"
            frames = []
            for l in lines[1:]:
                l = l.strip()
                if l.startswith("java.lang.Thread.State:"):
                    state = l.split(":", 1)[1].strip().split()[0]
                elif l.startswith("at "):
                    frames.append(re.sub(r"\(.*$", "", l[3:]))
            idle = bool(frames) and frames[0].startswith(IDLE_TOP)
            kind = "serving" if name.startswith("org.") else "idle in pool"
            states["%s, %s%s" % (kind, state, " (in socket read/poll)" if idle and state == "RUNNABLE" else "")] += 1
            if state == "RUNNABLE" and not idle and frames:
                busy[frames[0]] += 1
                busy_app[app_frame(frames)] += 1
            elif state == "RUNNABLE" and idle and kind == "serving":
                waiting_app[app_frame(frames)] += 1
    print("%d Thread.print snapshots; SMTP worker threads (pool-* idle, Session-* serving a connection) by state:" % n_dumps)
    print()
    print("| state | thread observations |")
    print("|---|---|")
    for k, v in states.most_common():
        print("| %s | %d |" % (k, v))
    print()
    print("| serving thread in socket read: innermost non-JDK frame (what it waits for) | observations |")
    print("|---|---|")
    for k, v in waiting_app.most_common(top):
        print("| `%s` | %d |" % (k, v))
    print()
    print("| busy worker: top frame | observations |")
    print("|---|---|")
    for k, v in busy.most_common(top):
        print("| `%s` | %d |" % (k, v))
    print()
    print("| busy worker: innermost non-JDK frame | observations |")
    print("|---|---|")
    for k, v in busy_app.most_common(top):
        print("| `%s` | %d |" % (k, v))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("threads"); s.add_argument("pid", type=int)
    s = sub.add_parser("threads-diff"); s.add_argument("a"); s.add_argument("b")
    s.add_argument("--msgs", type=int, default=0)
    s = sub.add_parser("jfr"); s.add_argument("file"); s.add_argument("--msgs", type=int, default=0)
    s.add_argument("--begin", help="only events from this local time (HH:MM:SS[.mmm])")
    s.add_argument("--end", help="only events up to this local time")
    s.add_argument("--top", type=int, default=15)
    s = sub.add_parser("stacks"); s.add_argument("dumps", nargs="+"); s.add_argument("--top", type=int, default=10)
    a = p.parse_args()
    if a.cmd == "threads":
        return threads(a.pid)
    if a.cmd == "threads-diff":
        return threads_diff(a.a, a.b, a.msgs)
    if a.cmd == "jfr":
        return jfr_report(a.file, a.msgs, a.top, a.begin, a.end)
    return stacks(a.dumps, a.top)


if __name__ == "__main__":
    sys.exit(main())
