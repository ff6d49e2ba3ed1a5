#!/usr/bin/env python3
"""console_load.py — the HTTP client of bench/bench-console.sh.

Signs in to impostor-console at 127.0.0.1:PORT the way the login form does
(double-submit CSRF token, Origin header), then fetches each page a reviewer
uses ROUNDS times, one request at a time, and prints one JSON object:
{"messages": N, "pages": {"name": {"path": ..., "p50_ms": ..., "p95_ms": ...,
"bytes": ...}}}. A page that does not answer 200 is reported with
"error" instead of figures, so a broken console never looks fast.

    console_load.py --port 8025 --user bench --password PW [--rounds 20]

Standard library only: the figures are server time plus one loopback hop.
"""
import argparse
import http.client
import json
import re
import time
import urllib.parse


class Client:
    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, anonymous=False):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {} if anonymous else {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        for name, value in resp.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        conn.close()
        return resp.status, data

    def login(self, user, password):
        status, page = self.request("GET", "/login")
        token = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
        form = urllib.parse.urlencode({"user": user, "password": password, "csrf": token})
        status, _ = self.request("POST", "/login", form)
        if status != 303:
            raise SystemExit(f"console_load: sign-in failed ({status})")


def percentile(sorted_values, p):
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values))) - 1))
    return sorted_values[k]


def first_id(client, path, pattern):
    status, page = client.request("GET", path)
    match = re.search(pattern, page) if status == 200 else None
    return match.group(1).decode() if match else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()

    client = Client(args.port)
    client.login(args.user, args.password)
    status, page = client.request("GET", "/messages")
    total = int(re.search(rb'id="total">([0-9]+)', page).group(1))
    message = first_id(client, "/messages?page=3", rb'data-id="(q-[0-9]+-[0-9a-f]{8})"')
    campaign = first_id(client, "/campaigns", rb'data-id="(c-[^"]+)"')
    last_page = max(1, (total + 49) // 50)
    q = urllib.parse.quote
    pages = {
        "login page (baseline)": "/login",  # fetched signed out: no store access
        "list, newest first": "/messages",
        "list, page 100": "/messages?page=100",
        "list, last page": f"/messages?page={last_page}",
        "filter by family": "/messages?family=tech-support",
        "filter by sender": "/messages?sender=" + q("example"),
        "filter by date range": "/messages?from=2000-01-01&to=2100-01-01",
        "search, English": "/messages?q=" + q("lottery"),
        "search, Japanese": "/messages?q=" + q("当選"),
        "message view": f"/messages/{message}",
        "campaigns list": "/campaigns",
        "one campaign": f"/campaigns/{campaign}",
    }
    result = {"messages": total, "pages": {}}
    for name, path in pages.items():
        times, size, error = [], 0, None
        for i in range(args.rounds + 2):
            start = time.perf_counter()
            status, body = client.request("GET", path, anonymous=path == "/login")
            elapsed = (time.perf_counter() - start) * 1000
            if status != 200:
                error = f"HTTP {status}"
                break
            if i >= 2:  # two warm-up requests
                times.append(elapsed)
            size = len(body)
        entry = {"path": path}
        if error:
            entry["error"] = error
        else:
            times.sort()
            entry.update(p50_ms=round(percentile(times, 50), 2), p95_ms=round(percentile(times, 95), 2), bytes=size)
        result["pages"][name] = entry
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
