#!/usr/bin/env python3
"""smtp_load.py — the SMTP client of bench/bench-milter.sh.

Sends a list of message files to 127.0.0.1:PORT over SESSIONS concurrent
SMTP sessions (each session stays open and sends message after message, as
a busy relay does) — as fast as the server answers, or at RATE messages a
second in all (latency below saturation, without queueing) — and measures,
per message, the time from MAIL FROM to the
server's answer to the end of DATA: the latency a sending MTA sees, milter
included. Prints one JSON object: messages, seconds, msgs_per_s, p50_ms,
p99_ms, and how many were accepted / refused (5xx) / deferred (4xx).

    smtp_load.py --port 2525 --sessions 16 [--rate 200] FILE...

Python threads are enough here: the work is waiting on sockets.
"""
import argparse
import json
import queue
import smtplib
import threading
import time


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values))) - 1))
    return sorted_values[k]


def session(port, jobs, results, lock, interval, offset):
    """One SMTP session: takes (bytes) messages from `jobs` until it is empty,
    one every `interval` seconds (0: back to back)."""
    smtp = smtplib.SMTP("127.0.0.1", port, local_hostname="load.example", timeout=300)
    mine = []
    next_at = time.perf_counter() + offset
    try:
        while True:
            try:
                raw = jobs.get_nowait()
            except queue.Empty:
                break
            if interval:
                time.sleep(max(0.0, next_at - time.perf_counter()))
                next_at += interval
            t0 = time.perf_counter()
            try:
                smtp.sendmail("load@bench.example", ["rcpt@bench.example"], raw)
                outcome = "accepted"
            except smtplib.SMTPResponseException as e:
                outcome = "refused" if e.smtp_code >= 500 else "deferred"
                smtp.rset()
            except smtplib.SMTPRecipientsRefused:
                outcome = "refused"
                smtp.rset()
            mine.append((time.perf_counter() - t0, outcome))
    finally:
        try:
            smtp.quit()
        except smtplib.SMTPException:
            pass
    with lock:
        results.extend(mine)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--sessions", type=int, default=16)
    ap.add_argument("--rate", type=float, default=0, help="messages/s in all (0: as fast as possible)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    messages = []
    for name in args.files:
        with open(name, "rb") as f:
            messages.append(f.read())
    jobs = queue.Queue()
    for raw in messages:
        jobs.put(raw)
    results, lock = [], threading.Lock()
    interval = args.sessions / args.rate if args.rate else 0.0
    threads = [threading.Thread(target=session, args=(args.port, jobs, results, lock, interval,
                                                      i * interval / args.sessions))
               for i in range(args.sessions)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start

    latencies = sorted(r[0] * 1000.0 for r in results)
    counts = {k: sum(1 for r in results if r[1] == k) for k in ("accepted", "refused", "deferred")}
    print(json.dumps({"messages": len(results), "seconds": round(seconds, 3),
                      "msgs_per_s": round(len(results) / seconds, 1),
                      "p50_ms": round(percentile(latencies, 50), 2),
                      "p99_ms": round(percentile(latencies, 99), 2), **counts}))


if __name__ == "__main__":
    main()
