"""The load side of the web benchmark with ``wrk`` (Debian's ``wrk``), when it is installed.

The aiohttp client of :mod:`tests.benchmarks.web_load` is Python: on a 2-core
machine it takes most of the core the listener does not use, and what is then
measured is partly the client. ``wrk`` is C and costs a few microseconds per
request, so the listener gets the machine. Both report the same summary
(requests, per second, p50/p99 ms, statuses); ``web.py`` records which client
measured what.

Bookings: every connection posts the booking form with one CSRF cookie and
token fetched beforehand (the token is a signed double-submit value, not one
per request) and the next prepared free time from a list split between wrk's
threads. A 303 is a booking; anything else is counted by status class.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from careops_desktop.web.csrf import COOKIE
from tests.benchmarks.web_load import CLIENTS, HIDDEN_FIELDS, booking_form, details_query

THREADS = 2

# wrk's Lua: requests from a file of "path<TAB>body" lines (or GET paths), split between
# threads; done() prints the summary as one JSON line
_SCRIPT = r"""
local lines, counter, threads = {}, 0, {}
local method, headers = os.getenv("WRK_METHOD"), {}
for line in io.lines(os.getenv("WRK_LINES")) do lines[#lines + 1] = line end
if os.getenv("WRK_COOKIE") ~= "" then headers["Cookie"] = os.getenv("WRK_COOKIE") end
if method == "POST" then
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Origin"] = os.getenv("WRK_ORIGIN")
end
local index = 0
function setup(thread)
  thread:set("id", index)
  index = index + 1
  table.insert(threads, thread)
end
function init(args)
  counter = id
  statuses = {}
end
function request()
  local line = lines[(counter % #lines) + 1]
  counter = counter + tonumber(os.getenv("WRK_THREADS"))
  if method == "POST" then
    local tab = line:find("\t")
    return wrk.format("POST", line:sub(1, tab - 1), headers, line:sub(tab + 1))
  end
  return wrk.format("GET", line, headers)
end
function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    for status, n in pairs(seen) do
      merged[tostring(status)] = (merged[tostring(status)] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(merged) do parts[#parts + 1] = string.format('"%s": %d', status, n) end
  io.write(string.format(
    'WRK {"requests": %d, "micros": %d, "p50_us": %d, "p99_us": %d, "mean_us": %f, ' ..
    '"socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.mean, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, table.concat(parts, ", ")))
end
"""


def available() -> bool:
    """Whether ``wrk`` is on the PATH."""
    return shutil.which("wrk") is not None


def _run(base: str, lines: list[str], seconds: float, env: dict[str, str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="careops-wrk-") as folder:
        script = Path(folder) / "load.lua"
        script.write_text(_SCRIPT, encoding="utf-8")
        listing = Path(folder) / "lines.txt"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [
            "wrk",
            f"-t{THREADS}",
            f"-c{CLIENTS}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "-s",
            str(script),
            base,
        ]
        run_env = dict(
            env, WRK_LINES=str(listing), WRK_THREADS=str(THREADS), WRK_ORIGIN=base, PATH="/usr/bin"
        )
        done = subprocess.run(command, capture_output=True, text=True, env=run_env, check=True)
    found = [line for line in done.stdout.splitlines() if line.startswith("WRK ")]
    if not found:
        raise RuntimeError(f"wrk printed no summary: {done.stdout[-500:]} {done.stderr[-500:]}")
    raw = json.loads(found[-1][4:])
    elapsed = raw["micros"] / 1e6
    return {
        "client": "wrk",
        "requests": raw["requests"],
        "seconds": round(elapsed, 2),
        "per_second": round(raw["requests"] / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "mean_ms": round(raw["mean_us"] / 1000, 2),
        "statuses": dict(sorted(raw["statuses"].items())),
        "socket_errors": raw["socket_errors"],
    }


def slots(base: str, paths: list[str], seconds: float) -> dict[str, Any]:
    """GET the slot pages in rotation for ``seconds`` with 32 connections."""
    return _run(base, paths, seconds, {"WRK_METHOD": "GET", "WRK_COOKIE": ""})


def _form_secrets(base: str, first: tuple[str, int, datetime]) -> tuple[dict[str, str], str]:
    """The details form's hidden fields and the CSRF cookie, as a visitor gets them."""
    slug, provider, start = first
    query = urlencode(details_query(provider, start))
    with urllib.request.urlopen(f"{base}/book/{slug}/details?{query}", timeout=30) as response:
        page = response.read().decode("utf-8")
        cookies = response.headers.get_all("Set-Cookie") or []
    hidden = dict(HIDDEN_FIELDS.findall(page))
    cookie = next(c.split(";", 1)[0] for c in cookies if c.startswith(f"{COOKIE}="))
    return hidden, cookie


def bookings(base: str, todo: list[tuple[str, int, datetime]], seconds: float) -> dict[str, Any]:
    """POST the booking form for the prepared free times for ``seconds`` (32 connections).

    The list is split between wrk's threads; if it runs out, times are posted
    again and answered 409 (counted, not booked).
    """
    hidden, cookie = _form_secrets(base, todo[0])
    lines = []
    for n, (slug, provider, start) in enumerate(todo):
        form = booking_form(hidden, n, provider, start)
        lines.append(f"/book/{slug}\t{urlencode(form)}")
    result = _run(base, lines, seconds, {"WRK_METHOD": "POST", "WRK_COOKIE": cookie})
    booked = result["statuses"].get("303", 0)
    result["bookings_per_second"] = round(booked / result["seconds"], 1) if result["seconds"] else 0
    result["prepared_slots"] = len(todo)
    return result
