#!/usr/bin/env python3
"""latency.py - per-message SMTP latency at a fixed offered rate (Python 3 stdlib only).

smtp-source reports throughput only. This client measures, for every message,
the time from the end of DATA (the last byte of "<CRLF>.<CRLF>" handed to the
kernel) to the complete reply, which for a synchronous gateway is the time it
needs to parse, process and relay the message before it answers 250.

Load model: open loop, paced. Message i is due at t0 + i/RATE; when it is due
it is handed to an idle connection (CONNECTIONS persistent sessions, EHLO once,
then MAIL/RCPT/DATA per message, pipelined when the server offers PIPELINING).
If all connections are busy it waits; that wait is reported as schedule lag
(a non-zero lag p99 means the target could not keep up with the offered rate).
Everything is bounded: COUNT messages, a per-reply timeout and a total time limit.

  latency.py run  --port 27524 --rate 400 --count 6000 --file plain5k.eml [--label gateway] [--pid PID]
  latency.py probe --port 27524 --file plain5k.eml [--quickack]
  latency.py summarize RESULTS_FILE [BASELINE_LABEL]

`run` prints one line "LATENCY key=value ..." (milliseconds). `probe` sends
COUNT transactions back to back on one connection with MAIL, RCPT and DATA
pipelined in one write and prints the median time until each of the four
replies arrives ("PROBE ..." line); --quickack makes the client acknowledge
every segment at once, which shows whether a reply was held back by Nagle's
algorithm on the server waiting for a delayed ACK. `summarize` reads
lines "rep=N key=value ..." (a LATENCY line with "LATENCY" replaced by "rep=N")
and prints a Markdown table of medians over the repetitions, per label and
payload, with the added latency against BASELINE_LABEL (default "direct").
"""
import argparse
import asyncio
import os
import re
import resource
import statistics
import sys
import time


def percentile(sorted_vals, p):
    """Nearest-rank percentile of an ascending list (p in 0..100)."""
    if not sorted_vals:
        return float("nan")
    k = max(0, min(len(sorted_vals) - 1, int(-(-p * len(sorted_vals) // 100)) - 1))
    return sorted_vals[k]


def smtp_body(path):
    """Message file (LF or CRLF lines) -> DATA payload: CRLF lines, dot-stuffed, terminated."""
    with open(path, "rb") as f:
        raw = f.read()
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = []
    for line in lines:
        if line.endswith(b"\r"):
            line = line[:-1]
        if line.startswith(b"."):
            line = b"." + line
        out.append(line)
    return b"\r\n".join(out) + b"\r\n.\r\n"


class SmtpError(Exception):
    pass


async def read_reply(reader, timeout):
    """One (possibly multi-line) SMTP reply -> (code, [lines])."""
    lines = []
    while True:
        line = await asyncio.wait_for(reader.readline(), timeout)
        if not line:
            raise SmtpError("connection closed by server")
        line = line.rstrip(b"\r\n").decode("ascii", "replace")
        lines.append(line)
        if len(line) < 4 or line[3] != "-":
            if not line[:3].isdigit():
                raise SmtpError("malformed reply: " + line[:80])
            return int(line[:3]), lines


class Session:
    def __init__(self, args):
        self.args = args
        self.reader = self.writer = None
        self.pipelining = False

    async def open(self):
        a = self.args
        self.reader, self.writer = await asyncio.wait_for(
            asyncio.open_connection(a.host, a.port), a.reply_timeout)
        # drain() then returns only when every byte has been handed to the kernel
        self.writer.transport.set_write_buffer_limits(high=0)
        code, _ = await read_reply(self.reader, a.reply_timeout)
        if code != 220:
            raise SmtpError("greeting %d" % code)
        self.writer.write(b"EHLO latency.bench.test\r\n")
        code, lines = await read_reply(self.reader, a.reply_timeout)
        if code != 250:
            raise SmtpError("EHLO %d" % code)
        self.pipelining = (not a.no_pipelining) and any(
            l[4:].upper().startswith("PIPELINING") for l in lines)

    def close(self):
        if self.writer is not None:
            try:
                self.writer.write(b"QUIT\r\n")
                self.writer.close()
            except Exception:
                pass
            self.writer = None

    async def send(self, body):
        """One transaction -> (eod_latency_s, txn_s). Raises SmtpError on a non-2xx/3xx reply."""
        if self.writer is None:
            await self.open()
        a, r, w = self.args, self.reader, self.writer
        env = [b"MAIL FROM:<" + a.sender.encode() + b">\r\n",
               b"RCPT TO:<" + a.rcpt.encode() + b">\r\n", b"DATA\r\n"]
        expect = (250, 250, 354)
        t0 = time.perf_counter()
        if self.pipelining:
            w.write(b"".join(env))
            await w.drain()
            codes = [(await read_reply(r, a.reply_timeout))[0] for _ in env]
        else:
            codes = []
            for cmd in env:
                w.write(cmd)
                await w.drain()
                codes.append((await read_reply(r, a.reply_timeout))[0])
                if codes[-1] >= 400:
                    break
        if tuple(codes) != expect:
            if len(codes) == 3 and codes[2] == 354:   # DATA accepted after a refused RCPT: end it
                w.write(b".\r\n")
                await w.drain()
                await read_reply(r, a.reply_timeout)
            w.write(b"RSET\r\n")
            await w.drain()
            await read_reply(r, a.reply_timeout)
            raise SmtpError("envelope replies %s" % (codes,))
        w.write(body)
        await w.drain()
        t_eod = time.perf_counter()
        code, lines = await read_reply(r, a.reply_timeout)
        t_end = time.perf_counter()
        if code != 250:
            raise SmtpError("end of data: " + lines[-1][:120])
        return t_end - t_eod, t_end - t0


def host_cpu():
    """(busy, total) jiffies of the whole host, and the CPU pressure 'some' total in microseconds."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7]
    psi = 0
    try:
        with open("/proc/pressure/cpu") as f:
            psi = int(f.readline().split("total=")[1])
    except (OSError, IndexError, ValueError):
        pass
    return busy, sum(v), psi


def rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


async def run(args):
    body = smtp_body(args.file)
    sessions = [Session(args) for _ in range(args.connections)]
    await asyncio.gather(*(s.open() for s in sessions))
    idle = asyncio.Queue()
    for s in sessions:
        idle.put_nowait(s)

    eod, txn, lag, errors = [], [], [], []
    peak_rss = [0.0]
    stop = asyncio.Event()

    async def rss_sampler():
        while not stop.is_set():
            v = rss_mb(args.pid)
            if v is not None and v > peak_rss[0]:
                peak_rss[0] = v
            try:
                await asyncio.wait_for(stop.wait(), 0.5)
            except asyncio.TimeoutError:
                pass

    async def one(sess, due):
        try:
            lag.append(time.perf_counter() - due)
            e, t = await sess.send(body)
            eod.append(e)
            txn.append(t)
        except (SmtpError, OSError, asyncio.TimeoutError) as ex:
            errors.append(str(ex) or type(ex).__name__)
            sess.close()            # reopened by the next send()
        finally:
            idle.put_nowait(sess)

    sampler = asyncio.ensure_future(rss_sampler()) if args.pid else None
    hb0, ht0, psi0 = host_cpu()
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    interval = 1.0 / args.rate
    tasks = []
    t0 = time.perf_counter() + 0.05
    deadline = t0 + args.max_seconds
    for i in range(args.count):
        due = t0 + i * interval
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if time.perf_counter() > deadline:
            errors.append("time limit reached after %d messages" % i)
            break
        sess = await idle.get()
        tasks.append(asyncio.ensure_future(one(sess, due)))
    if tasks:
        await asyncio.wait(tasks, timeout=max(1.0, deadline - time.perf_counter() + args.reply_timeout))
    t_end = time.perf_counter()
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    hb1, ht1, psi1 = host_cpu()
    client_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    stop.set()
    if sampler:
        await sampler
    while not idle.empty():
        idle.get_nowait().close()
    await asyncio.sleep(0.05)

    eod.sort(); txn.sort(); lag.sort()
    ms = lambda v: "%.3f" % (v * 1000.0)
    fields = [
        ("label", args.label), ("target", "%s:%d" % (args.host, args.port)),
        ("payload", os.path.basename(args.file).rsplit(".", 1)[0]), ("bytes", len(body)),
        ("connections", args.connections), ("pipelining", int(sessions[0].pipelining)),
        ("offered_rate", "%.1f" % args.rate), ("count", args.count), ("ok", len(eod)),
        ("errors", len(errors)), ("achieved_rate", "%.1f" % (len(eod) / max(1e-9, t_end - t0))),
        ("eod_p50_ms", ms(percentile(eod, 50))), ("eod_p90_ms", ms(percentile(eod, 90))),
        ("eod_p99_ms", ms(percentile(eod, 99))), ("eod_p999_ms", ms(percentile(eod, 99.9))),
        ("eod_max_ms", ms(eod[-1] if eod else float("nan"))),
        ("eod_mean_ms", ms(statistics.fmean(eod) if eod else float("nan"))),
        ("txn_p50_ms", ms(percentile(txn, 50))), ("txn_p99_ms", ms(percentile(txn, 99))),
        ("lag_p50_ms", ms(percentile(lag, 50))), ("lag_p99_ms", ms(percentile(lag, 99))),
        ("rss_peak_mb", "%.0f" % peak_rss[0] if args.pid else "-"),
        ("client_cpu_ms_per_msg", "%.3f" % (1000.0 * client_cpu / max(1, len(eod) + len(errors)))),
        ("host_busy_pct", "%.0f" % (100.0 * (hb1 - hb0) / max(1, ht1 - ht0))),
        ("psi_some_pct", "%.0f" % ((psi1 - psi0) / 1e4 / max(1e-9, t_end - t0))),
    ]
    print("LATENCY " + " ".join("%s=%s" % kv for kv in fields))
    if errors:
        print("  first errors: %s" % "; ".join(errors[:3]), file=sys.stderr)
    return 0 if not errors and len(eod) == args.count else 1


def probe(args):
    """One connection, back-to-back pipelined transactions; when does each reply arrive?"""
    import socket
    body = smtp_body(args.file)
    s = socket.create_connection((args.host, args.port), timeout=args.reply_timeout)
    f = s.makefile("rb")

    def reply():
        while True:
            line = f.readline()
            if not line:
                raise SmtpError("connection closed by server")
            if args.quickack:   # ACK at once instead of delaying the ACK (Linux TCP_QUICKACK)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            if line[3:4] != b"-":
                return int(line[:3])

    reply()
    s.sendall(b"EHLO probe.bench.test\r\n")
    reply()
    env = ("MAIL FROM:<%s>\r\nRCPT TO:<%s>\r\nDATA\r\n" % (args.sender, args.rcpt)).encode()
    cols = [[], [], [], []]
    for _ in range(args.count):
        t0 = time.perf_counter()
        s.sendall(env)
        codes = []
        for i in range(3):
            codes.append(reply())
            cols[i].append(time.perf_counter() - t0)
        if codes != [250, 250, 354]:
            raise SmtpError("envelope replies %s" % codes)
        s.sendall(body)
        t1 = time.perf_counter()
        if reply() != 250:
            raise SmtpError("end of data refused")
        cols[3].append(time.perf_counter() - t1)
    s.sendall(b"QUIT\r\n")
    s.close()
    med = lambda v: "%.3f" % (statistics.median(v) * 1000.0)
    print("PROBE label=%s target=%s:%d payload=%s count=%d quickack=%d mail_reply_ms=%s rcpt_reply_ms=%s "
          "data_reply_ms=%s eod_reply_ms=%s" % (
              args.label, args.host, args.port, os.path.basename(args.file).rsplit(".", 1)[0],
              args.count, int(args.quickack), med(cols[0]), med(cols[1]), med(cols[2]), med(cols[3])))
    return 0


def summarize(path, base):
    rows = {}
    order = []
    with open(path) as f:
        for line in f:
            if not re.match(r"^rep=\d+ ", line):
                continue
            v = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
            key = (v["label"], v["payload"], v["connections"], v.get("pipelining", "0"))
            if key not in rows:
                rows[key] = []
                order.append(key)
            rows[key].append(v)

    def med(key, field):
        vals = [float(r[field]) for r in rows[key] if r.get(field, "-") not in ("-", "nan")]
        return statistics.median(vals) if vals else float("nan")

    print("| target | payload | conns | pipelining | runs x msgs | offered msgs/s | achieved msgs/s "
          "| p50 ms | p90 ms | p99 ms | p99.9 ms | max ms (worst run) | added p50 ms vs %s "
          "| added p99 ms vs %s | txn p50 ms | txn p99 ms | sched. lag p99 ms | errors | peak RSS MB "
          "| client CPU ms/msg | host busy %% | CPU pressure %% | p99 per run ms |" % (base, base))
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for key in order:
        label, payload, conns, pipe = key
        bkey = (base, payload, conns, pipe)
        rs = rows[key]
        add50 = add99 = "-"
        if bkey in rows and label != base:
            add50 = "%.2f" % (med(key, "eod_p50_ms") - med(bkey, "eod_p50_ms"))
            add99 = "%.2f" % (med(key, "eod_p99_ms") - med(bkey, "eod_p99_ms"))
        rss = [float(r["rss_peak_mb"]) for r in rs if r.get("rss_peak_mb", "-") != "-"]
        per_run = " ".join("%.1f" % float(r["eod_p99_ms"]) for r in rs)
        print("| %s | %s | %s | %s | %d x %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %.2f | %.2f | %.2f | %d | %s | %.3f | %.0f | %.0f | %s |" % (
            label, payload, conns, "on" if pipe == "1" else "off", len(rs), rs[0]["count"], med(key, "offered_rate"),
            med(key, "achieved_rate"), med(key, "eod_p50_ms"), med(key, "eod_p90_ms"),
            med(key, "eod_p99_ms"), med(key, "eod_p999_ms"),
            max(float(r["eod_max_ms"]) for r in rs), add50, add99, med(key, "txn_p50_ms"),
            med(key, "txn_p99_ms"), med(key, "lag_p99_ms"),
            sum(int(r["errors"]) for r in rs), "%.0f" % max(rss) if rss else "-",
            med(key, "client_cpu_ms_per_msg"), med(key, "host_busy_pct"), med(key, "psi_some_pct"), per_run))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="one bounded latency run")
    r.add_argument("--host", default="127.0.0.1")
    r.add_argument("--port", type=int, required=True)
    r.add_argument("--connections", type=int, default=16)
    r.add_argument("--rate", type=float, required=True, help="offered messages per second")
    r.add_argument("--count", type=int, required=True, help="messages to send")
    r.add_argument("--file", required=True, help="message file (as for smtp-source -F)")
    r.add_argument("--from", dest="sender", default="alice@example.net")
    r.add_argument("--to", dest="rcpt", default="bob@postwarden.test")
    r.add_argument("--label", default="-")
    r.add_argument("--pid", type=int, default=0, help="sample this process's RSS during the run")
    r.add_argument("--reply-timeout", type=float, default=30.0)
    r.add_argument("--max-seconds", type=float, default=300.0, help="stop dispatching after this")
    r.add_argument("--no-pipelining", action="store_true")
    q = sub.add_parser("probe", help="one connection, pipelined MAIL/RCPT/DATA back to back: "
                       "median time until each reply arrives")
    q.add_argument("--host", default="127.0.0.1")
    q.add_argument("--port", type=int, required=True)
    q.add_argument("--count", type=int, default=50)
    q.add_argument("--file", required=True)
    q.add_argument("--from", dest="sender", default="alice@example.net")
    q.add_argument("--to", dest="rcpt", default="bob@postwarden.test")
    q.add_argument("--label", default="-")
    q.add_argument("--quickack", action="store_true",
                   help="diagnostic: acknowledge every segment at once (no delayed ACK)")
    q.add_argument("--reply-timeout", type=float, default=30.0)
    s = sub.add_parser("summarize", help="Markdown table of medians over repetitions")
    s.add_argument("results")
    s.add_argument("baseline", nargs="?", default="direct")
    a = p.parse_args()
    if a.cmd == "summarize":
        return summarize(a.results, a.baseline)
    if a.cmd == "probe":
        return probe(a)
    if a.rate <= 0 or a.count <= 0 or a.connections <= 0:
        p.error("rate, count and connections must be positive")
    return asyncio.run(run(a))


if __name__ == "__main__":
    sys.exit(main())
