"""Benchmark: the web workspace under load (not a timed test; prints its figures).

Target (issue 4): with the 10,000-workload / 200-provider synthetic portfolio in PostgreSQL, the
dashboard, the workload list (paginated, filtered) and the workload detail answer at p95 ≤ 150 ms
with zero errors under 16 concurrent clients for 60 s, served by gunicorn on loopback in the
production configuration (DEBUG off, collected static files through whitenoise).

Steps, each timed: (re)create the database, migrate, import the portfolio through the workspace's
bridge (validated by the portfolio model, audited), warm the engine-result cache once, start
gunicorn, log in through the real login form, then run the clients (Python threads, one keep-alive
HTTP connection each, reconnecting when the server closes it) and print per-page counts, errors,
p50/p95/p99 and requests/s.

    .venv/bin/python benchmarks/bench_web.py [--workloads 10000] [--providers 200] [--clients 16]
        [--duration 60] [--workers 4] [--database-url postgres://postgres@127.0.0.1:5432/fincloud_bench]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-24"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/fincloud_bench"
USERNAME = "bench-assessor@example.com"


def recreate_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"refusing database name {name!r}: lower-case letters, digits and _ only")
    with psycopg.connect(url, dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def database_exists(url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[k]


def setup(args, env: dict[str, str]) -> dict:
    """Database, portfolio, user and warm cache, in this process (Django configured from ``env``)."""
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection, transaction

    from fincloud.portfolio.loader import parse_portfolio
    from fincloud.portfolio.synth import synth_portfolio
    from fincloud.web.accounts.models import Profile, Role
    from fincloud.web.workspace.assessment import ensure_current
    from fincloud.web.workspace.bridge import import_portfolio
    from fincloud.web.workspace.models import Institution

    figures: dict = {}
    password = secrets.token_urlsafe(16)
    inst = None
    if args.reuse and database_exists(args.database_url):
        call_command("migrate", verbosity=0)
        inst = Institution.objects.filter(name="합성은행").first()
        user = User.objects.filter(username=USERNAME).first()
        if inst is None or user is None or inst.workloads.count() != args.workloads:
            print("  (no reusable benchmark database; building it)")
            inst = None
        else:
            user.set_password(password)
            user.save()
    if inst is None:
        t = time.perf_counter()
        recreate_database(args.database_url)
        call_command("migrate", verbosity=0)
        figures["migrate_s"] = time.perf_counter() - t

        t = time.perf_counter()
        data = synth_portfolio(args.workloads, args.providers, seed=7)
        portfolio = parse_portfolio(data, name=f"synth-{args.workloads}")
        figures["validate_s"] = time.perf_counter() - t

        t = time.perf_counter()
        inst = import_portfolio(portfolio, actor="bench_web")
        figures["import_s"] = time.perf_counter() - t

        with transaction.atomic():
            user = User.objects.create_user(USERNAME, email=USERNAME, password=password)
            Profile.objects.create(user=user, institution=inst, role=Role.ASSESSOR)

    t = time.perf_counter()
    ensure_current(inst)
    figures["warm_cache_s"] = time.perf_counter() - t

    t = time.perf_counter()
    call_command("collectstatic", interactive=False, verbosity=0)
    figures["collectstatic_s"] = time.perf_counter() - t

    keys = list(inst.workloads.order_by("key").values_list("key", flat=True))
    provider_keys = list(inst.providers.order_by("key").values_list("key", flat=True))
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    connection.close()
    figures.update(password=password, keys=keys, provider_keys=provider_keys)
    return figures


def start_gunicorn(args, env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    cmd = [str(gunicorn), "fincloud.web.wsgi:application", "--workers", str(args.workers),
           "--bind", f"127.0.0.1:{port}", "--backlog", "256", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode}:\n{log.read_text()}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/accounts/login/")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def _cookies(resp: http.client.HTTPResponse) -> dict[str, str]:
    out = {}
    for header in resp.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        out[name.strip()] = rest.split(";", 1)[0]
    return out


def login(port: int, password: str) -> str:
    """The real login form: GET for the CSRF cookie and token, POST the credentials; returns the Cookie header."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/accounts/login/")
    resp = conn.getresponse()
    page = resp.read().decode()
    cookies = _cookies(resp)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"username": USERNAME, "password": password, "csrfmiddlewaretoken": token})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", "/accounts/login/", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookies['csrftoken']}",
        "Referer": f"http://127.0.0.1:{port}/accounts/login/", "Origin": f"http://127.0.0.1:{port}"})
    resp = conn.getresponse()
    resp.read()
    cookies.update(_cookies(resp))
    if resp.status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"login failed: HTTP {resp.status}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def page_mix(keys: list[str], provider_keys: list[str]):
    """The three pages in equal shares; lists with a random page and a random filter combination."""
    filters = [{}, {"importance": "critical"}, {"importance": "non_critical"}, {"attention": "overdue"},
               {"attention": "due_soon"}, {"service_model": "SaaS"}, {"q": "0012"}]
    pages = max(1, len(keys) // 50)

    def pick(rng: random.Random) -> tuple[str, str]:
        kind = rng.randrange(3)
        if kind == 0:
            return "dashboard", "/"
        if kind == 1:
            params = dict(rng.choice(filters))
            if rng.random() < 0.3:
                params["provider"] = rng.choice(provider_keys)
            params["page"] = str(rng.randint(1, pages if not params else 5))
            return "workload list", "/workloads/?" + urllib.parse.urlencode(params)
        return "workload detail", f"/workloads/{rng.choice(keys)}/"

    return pick


def run_load(port: int, cookies: list[str], pick, clients: int, duration: float):
    results: dict[str, list[float]] = {}
    errors: dict[str, list[str]] = {}
    lock = threading.Lock()
    stop_at = time.perf_counter() + duration

    def client(n: int) -> None:
        rng = random.Random(n)
        cookie = cookies[n % len(cookies)]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        local: dict[str, list[float]] = {}
        local_err: dict[str, list[str]] = {}
        while time.perf_counter() < stop_at:
            name, path = pick(rng)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
                problem = f"HTTP {resp.status} {path}"
            except (OSError, http.client.HTTPException) as exc:
                ok, problem = False, f"{type(exc).__name__}: {exc} {path}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            ms = (time.perf_counter() - t0) * 1000
            local.setdefault(name, []).append(ms)
            if not ok:
                local_err.setdefault(name, []).append(problem)
        conn.close()
        with lock:
            for k, v in local.items():
                results.setdefault(k, []).extend(v)
            for k, v in local_err.items():
                errors.setdefault(k, []).extend(v)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", type=int, default=10000)
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--serial", type=float, default=15.0, help="seconds of the one-client pass before the load")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the database of a previous run with the same size (skips the import)")
    args = parser.parse_args()

    state = Path(tempfile.mkdtemp(prefix="fincloud-bench-web-"))
    env = {
        "DJANGO_SETTINGS_MODULE": "fincloud.web.settings", "DATABASE_URL": args.database_url,
        "FINCLOUD_ENV": "production", "FINCLOUD_DEBUG": "0", "FINCLOUD_SECRET_KEY": secrets.token_urlsafe(50),
        "FINCLOUD_ALLOWED_HOSTS": "127.0.0.1", "FINCLOUD_AS_OF": AS_OF, "FINCLOUD_STATE_DIR": str(state),
        # Plain HTTP on loopback: no redirect to HTTPS (a TLS-terminating proxy does that in production).
        "FINCLOUD_SSL_REDIRECT": "0",
    }
    print(f"fincloud web benchmark — {args.workloads} workloads, {args.providers} providers, PostgreSQL "
          f"{urllib.parse.urlparse(args.database_url).path.lstrip('/')}, gunicorn {args.workers} workers, "
          f"{args.clients} clients × {args.duration:.0f} s, as of {AS_OF}, {os.cpu_count()} CPUs")
    try:
        fig = setup(args, env)
        if "import_s" in fig:
            print(f"  migrate            {fig['migrate_s']:8.2f} s")
            print(f"  validate portfolio {fig['validate_s']:8.2f} s")
            print(f"  import (bridge)    {fig['import_s']:8.2f} s  ({args.workloads / fig['import_s']:.0f} workloads/s, "
                  "validated and audited)")
        else:
            print("  import             reused the previous run's database (--reuse)")
        print(f"  warm engine cache  {fig['warm_cache_s']:8.2f} s  (full assessment, results stored per workload)")
        print(f"  collectstatic      {fig['collectstatic_s']:8.2f} s")

        port = free_port()
        proc = start_gunicorn(args, env, port, state / "gunicorn.log")
        try:
            cookies = [login(port, fig["password"]) for _ in range(args.clients)]  # one session per client
            pick = page_mix(fig["keys"], fig["provider_keys"])
            for name, path in (("static", "/static/fincloud/htmx.min.js"), ("static", "/static/fincloud/app.css")):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", path)
                status = conn.getresponse().status
                print(f"  {name:<18} {path} → HTTP {status} (whitenoise, collected)")
            run_load(port, cookies, pick, min(args.clients, 4), 3.0)  # warm-up: worker imports, connections
            serial, _serial_errors, _serial_wall = run_load(port, cookies, pick, 1, args.serial)
            load_before = os.getloadavg()[0]
            results, errors, wall = run_load(port, cookies, pick, args.clients, args.duration)
            load_after = os.getloadavg()[0]
        finally:
            stop(proc)
    finally:
        shutil.rmtree(state, ignore_errors=True)

    print(f"\none client, {args.serial:.0f} s (the cost of one request, no queueing):")
    print(f"{'page':<16} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for name in ("dashboard", "workload list", "workload detail"):
        lat = sorted(serial.get(name, []))
        print(f"{name:<16} {len(lat):>9} {percentile(lat, 50):>8.1f} {percentile(lat, 95):>8.1f}")
    print(f"\n{args.clients} clients, {args.duration:.0f} s:")
    total = sum(len(v) for v in results.values())
    n_err = sum(len(v) for v in errors.values())
    print(f"{'page':<16} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>7}")
    worst_p95 = 0.0
    for name in ("dashboard", "workload list", "workload detail"):
        lat = sorted(results.get(name, []))
        p95 = percentile(lat, 95)
        worst_p95 = max(worst_p95, p95)
        print(f"{name:<16} {len(lat):>9} {len(errors.get(name, [])):>7} {percentile(lat, 50):>8.1f} {p95:>8.1f} "
              f"{percentile(lat, 99):>8.1f} {lat[-1] if lat else float('nan'):>8.1f} {len(lat) / wall:>7.1f}")
    every = sorted(x for v in results.values() for x in v)
    print(f"{'all':<16} {total:>9} {n_err:>7} {percentile(every, 50):>8.1f} {percentile(every, 95):>8.1f} "
          f"{percentile(every, 99):>8.1f} {every[-1] if every else float('nan'):>8.1f} {total / wall:>7.1f}")
    print(f"mean {statistics.fmean(every) if every else float('nan'):.1f} ms over {wall:.1f} s")
    for name, problems in errors.items():
        for p in sorted(set(problems))[:5]:
            print(f"  error ({name}): {p}")
    print(f"1-min load average {load_before:.1f} before, {load_after:.1f} at the end of the load "
          f"({os.cpu_count()} CPUs; clients, gunicorn and PostgreSQL share them)")
    met = worst_p95 <= 150 and n_err == 0
    print(f"target p95 ≤ 150 ms and zero errors: {'met' if met else 'NOT met'} (worst page p95 {worst_p95:.1f} ms, "
          f"{n_err} errors)")


if __name__ == "__main__":
    main()
