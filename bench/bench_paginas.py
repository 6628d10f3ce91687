"""Benchmark of the main pages (not a test): SQL queries per page, and requests per second.

1. *SQL-queries per pagina*: fills a dedicated PostgreSQL database (``bench_paginas``,
   created and dropped by this script) with 10 and then 10,000 trajecten in one gemeente (the
   initiative member has a role on all of them and as many notifications) and counts the
   queries of each page in ``PAGINAS`` with ``CaptureQueriesContext``, next to its median time
   in-process. The count must not grow with the data (aim: at most 20 per page).
2. *Verzoeken per seconde*: at 10,000 trajecten, starts gunicorn (2 workers,
   ``bench.instellingen``: DEBUG off, persistent connections) on 127.0.0.1 and loads the
   traject page and the officials' list, logged in through a session cookie, with ``wrk``
   (or, without it, a bounded threaded Python client), next to ``/bench/minimaal/`` on the
   same server in the same run. Reported as the ratio page / minimal view (aim: >= 0.10).

Results go to ``bench/RESULTS.md`` under "## SQL-queries per pagina" and
"## Verzoeken per seconde". Run by ``make bench`` through ``bench/run.py``, or alone:

    .venv/bin/python bench/bench_paginas.py [--postgres postgres://postgres@127.0.0.1:5432]
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: ``BENCH_DB`` picks another name, so that two checkouts on one server do not share it.
DB_NAAM = os.environ.get("BENCH_DB", "bench_paginas")
GROOTTES = (10, 10_000)
KOP_QUERIES = "## SQL-queries per pagina"
KOP_RPS = "## Verzoeken per seconde"
MAX_QUERIES = 20
MIN_RATIO = 0.10
WRK_SECONDEN = 8
WRK_VERBINDINGEN = 8


@dataclass(frozen=True)
class Pagina:
    naam: str
    pad: Callable[[dict], str]
    gebruiker: str | None  # key of the world: "ambtenaar", "ini", "partner"; None: anonymous
    #: An aim on time as well: at 10,000 trajecten at most this many times the time at 10.
    max_tijdfactor: float | None = None


def _r(naam: str, **kwargs) -> str:
    from django.urls import reverse

    return reverse(naam, kwargs=kwargs or None)


#: The pages measured; a phase adds its main pages here.
PAGINAS: list[Pagina] = [
    Pagina("startpagina", lambda w: _r("overzicht:home"), None),
    Pagina(
        "openbare gemeentepagina",
        lambda w: _r("initiatieven:gemeente", gemeente=w["gemeente"].slug),
        None,
    ),
    Pagina(
        "trajecten van de gemeente (ambtenaar)",
        lambda w: _r("aanbesteden:gemeente_trajecten", gemeente=w["gemeente"].slug),
        "ambtenaar",
    ),
    Pagina(
        "trajecten van de gemeente, gefilterd",
        lambda w: (
            _r("aanbesteden:gemeente_trajecten", gemeente=w["gemeente"].slug) + "?status=horizon"
        ),
        "ambtenaar",
    ),
    Pagina(
        "trajectpagina (ambtenaar)",
        lambda w: _r("aanbesteden:traject", pk=w["traject"].pk),
        "ambtenaar",
    ),
    Pagina(
        "trajectpagina (initiatiefnemer)",
        lambda w: _r("aanbesteden:traject", pk=w["traject"].pk),
        "ini",
    ),
    Pagina(
        "mijn trajecten (initiatiefnemer)",
        lambda w: _r("overzicht:mijn_trajecten"),
        "ini",
        max_tijdfactor=3,
    ),
    Pagina("meldingen (initiatiefnemer)", lambda w: _r("meldingen:notificaties"), "ini"),
    # the phase apps and the overviews
    Pagina(
        "dashboard van de gemeente",
        lambda w: _r("overzicht:dashboard", gemeente=w["gemeente"].slug),
        "ambtenaar",
    ),
    Pagina(
        "voorstellen van de gemeente",
        lambda w: _r("initiatieven:voorstellen", gemeente=w["gemeente"].slug),
        "ambtenaar",
    ),
    Pagina(
        "opgaven beheren",
        lambda w: _r("initiatieven:opgaven_beheer", gemeente=w["gemeente"].slug),
        "ambtenaar",
    ),
    Pagina(
        "openbaar register", lambda w: _r("overzicht:register", gemeente=w["gemeente"].slug), None
    ),
    Pagina("evaluatie-agenda (ambtenaar)", lambda w: _r("evaluatie:agenda"), "ambtenaar"),
    Pagina(
        "evaluatiemomenten van het traject",
        lambda w: _r("evaluatie:momenten", pk=w["traject"].pk),
        "ambtenaar",
    ),
    Pagina(
        "coalitie van het traject", lambda w: _r("coalities:coalitie", pk=w["traject"].pk), "ini"
    ),
    Pagina("route van het traject", lambda w: _r("coalities:route", pk=w["traject"].pk), "ini"),
]

#: The SQL of the pages over the aim (last size measured), for the results.
QUERIES_TE_VEEL: dict[str, list[str]] = {}

#: Pages of the requests-per-second run (names from ``PAGINAS``).
RPS_PAGINAS = ["trajectpagina (ambtenaar)", "trajecten van de gemeente (ambtenaar)"]


# --- database ---------------------------------------------------------------------------------
def _beheer_verbinding(basis: str):
    import psycopg

    return psycopg.connect(f"{basis}/postgres", autocommit=True)


def database_maken(basis: str) -> None:
    with _beheer_verbinding(basis) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAAM} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAAM}")


def database_weggooien(basis: str) -> None:
    from django.db import connections

    connections.close_all()
    with _beheer_verbinding(basis) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAAM} WITH (FORCE)")


def django_opzetten(basis: str) -> None:
    os.environ["DATABASE_URL"] = f"{basis}/{DB_NAAM}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.instellingen"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# --- data -------------------------------------------------------------------------------------
def wereld_maken() -> dict:
    """One gemeente with an official, an initiative member and a partner on ``traject``."""
    from django_fsm_log.models import StateLog

    from aanbesteden.constants import LidmaatschapRol, Rol
    from aanbesteden.models import User
    from aanbesteden.permissions import rol_toekennen
    from aanbesteden.services import gemeente_aanmaken, lidmaatschap_toevoegen, traject_aanmaken

    gemeente = gemeente_aanmaken(naam="Benchstad", slug="benchstad", cbs_code="GM9998")
    ambtenaar = User.objects.create_user("ambtenaar@bench.example.org", "bench-wachtwoord-1")
    lidmaatschap_toevoegen(
        gemeente=gemeente, gebruiker=ambtenaar, rol=LidmaatschapRol.AMBTENAAR, mag_tekenen=True
    )
    ini = User.objects.create_user("initiatief@bench.example.org", naam="Initiatief")
    partner = User.objects.create_user("partner@bench.example.org", naam="Partner")
    traject = traject_aanmaken(
        gemeente=gemeente, initiatiefnemer=ini, titel="Buurtpark De Linde", samenvatting="Park."
    )
    rol_toekennen(traject=traject, user=partner, rol=Rol.PARTNER)
    for van, naar in [("concept", "ingediend"), ("ingediend", "horizon")]:
        StateLog.objects.create(
            content_object=traject,
            source_state=van,
            state=naar,
            transition=naar,
            by=ambtenaar,
            description="Een stap in het traject.",
        )
    return {
        "gemeente": gemeente,
        "ambtenaar": ambtenaar,
        "ini": ini,
        "partner": partner,
        "traject": traject,
    }


def trajecten_aanvullen(wereld: dict, totaal: int) -> None:
    """Bulk-insert trajecten up to ``totaal`` in the gemeente, with the initiative member's
    role and one notification each (the officials' access follows from their membership)."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from aanbesteden.models import Traject

    nu = Traject.objects.count()
    erbij = totaal - nu
    if erbij <= 0:
        return
    ct = ContentType.objects.get_for_model(Traject).pk
    perm = {p.codename: p.pk for p in Permission.objects.filter(content_type_id=ct)}
    g = wereld["gemeente"]
    with connection.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM aanbesteden_traject")
        start = cur.fetchone()[0]
        cur.execute(
            """
            INSERT INTO aanbesteden_traject
                (gemeente_id, titel, samenvatting, thema, wijk, status, status_sinds,
                 created_at, updated_at)
            SELECT %s, 'Traject ' || i,  'Samenvatting ' || i, 'groen', 'centrum',
                   (ARRAY['concept','ingediend','horizon','coalitie','route'])[1 + i %% 5],
                   now(), now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
            FROM generate_series(1, %s) AS i
            """,
            [g.pk, erbij],
        )
        for codename in ("initiatiefnemer_traject", "view_traject"):
            cur.execute(
                """
                INSERT INTO aanbesteden_trajectuserobjectpermission
                    (permission_id, user_id, content_object_id)
                SELECT %s, %s, id FROM aanbesteden_traject WHERE id > %s
                """,
                [perm[codename], wereld["ini"].pk, start],
            )
        cur.execute(
            """
            INSERT INTO meldingen_notificatie
                (ontvanger_id, traject_id, soort, onderwerp, tekst, url, created_at)
            SELECT %s, id, 'overig', 'Melding over ' || titel, 'Tekst', '', now()
            FROM aanbesteden_traject WHERE id > %s
            """,
            [wereld["ini"].pk, start],
        )
        cur.execute("ANALYZE")


# --- measuring --------------------------------------------------------------------------------
def queries_meten(wereld: dict, herhalingen: int = 5) -> dict[str, tuple[int, float, int]]:
    """Per page: (queries, median ms in-process, status)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from tests.tweestaps import Client  # also passes an official's second factor

    clients = {}
    uitkomst = {}
    for pagina in PAGINAS:
        if pagina.gebruiker not in clients:
            client = Client()
            if pagina.gebruiker:
                client.force_login(wereld[pagina.gebruiker])
            clients[pagina.gebruiker] = client
        client = clients[pagina.gebruiker]
        pad = pagina.pad(wereld)
        client.get(pad)  # warm-up: caches of content types, templates, translations
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(pad)
        aantal = len(ctx.captured_queries)  # now: the next request empties the log
        if aantal > MAX_QUERIES:
            QUERIES_TE_VEEL[pagina.naam] = [q["sql"] for q in ctx.captured_queries]
        tijden = []
        for _ in range(herhalingen):
            t0 = time.perf_counter()
            client.get(pad)
            tijden.append((time.perf_counter() - t0) * 1000)
        uitkomst[pagina.naam] = (aantal, statistics.median(tijden), response.status_code)
    return uitkomst


def sessie_cookie(user) -> str:
    from tests.tweestaps import Client  # also passes an official's second factor

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn_starten(poort: int, basis: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.instellingen",
        "DATABASE_URL": f"{basis}/{DB_NAAM}",
        "PYTHONPATH": str(ROOT),
    }
    proces = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "aanbesteden.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{poort}",
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT),
        ],
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                return proces
        except OSError:
            time.sleep(0.1)
    proces.kill()
    raise RuntimeError("gunicorn did not start")


def wrk_meten(url: str, cookie: str) -> float:
    uit = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{WRK_VERBINDINGEN}",
            f"-d{WRK_SECONDEN}s",
            "--timeout",
            "10s",
            "-H",
            f"Cookie: sessionid={cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=WRK_SECONDEN + 30,
        check=True,
    ).stdout
    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    if fouten:
        raise RuntimeError(f"{url}: {fouten.group(1)} error responses\n{uit}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))


def python_meten(url: str, cookie: str, *, max_verzoeken: int = 20_000) -> float:
    """Bounded threaded client for machines without wrk: stops after ``WRK_SECONDEN`` or
    ``max_verzoeken``, whichever comes first."""
    from urllib.parse import urlsplit

    delen = urlsplit(url)
    einde = time.monotonic() + WRK_SECONDEN
    tellers = [0] * WRK_VERBINDINGEN
    fouten = []
    slot = threading.Lock()
    verstuurd = [0]

    def werker(i: int) -> None:
        conn = http.client.HTTPConnection(delen.hostname, delen.port, timeout=10)
        while time.monotonic() < einde:
            with slot:
                if verstuurd[0] >= max_verzoeken:
                    return
                verstuurd[0] += 1
            conn.request("GET", delen.path, headers={"Cookie": f"sessionid={cookie}"})
            antwoord = conn.getresponse()
            antwoord.read()
            if antwoord.status >= 400:
                fouten.append(antwoord.status)
                return
            tellers[i] += 1

    t0 = time.monotonic()
    draden = [threading.Thread(target=werker, args=(i,)) for i in range(WRK_VERBINDINGEN)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    if fouten:
        raise RuntimeError(f"{url}: error responses {fouten[:5]}")
    return sum(tellers) / (time.monotonic() - t0)


def rps_meten(wereld: dict, basis: str) -> tuple[dict[str, float], str]:
    from django.db import connections

    connections.close_all()
    cookie = sessie_cookie(wereld["ambtenaar"])
    meten = wrk_meten if shutil.which("wrk") else python_meten
    werktuig = (
        f"wrk, 2 threads, {WRK_VERBINDINGEN} connections, {WRK_SECONDEN} s per URL"
        if shutil.which("wrk")
        else f"threaded Python client, {WRK_VERBINDINGEN} connections, {WRK_SECONDEN} s per URL"
    )
    poort = vrije_poort()
    proces = gunicorn_starten(poort, basis)
    try:
        basis_url = f"http://127.0.0.1:{poort}"
        paden = {"minimale view": "/bench/minimaal/"}
        for p in PAGINAS:
            if p.naam in RPS_PAGINAS:
                paden[p.naam] = p.pad(wereld)
        for pad in paden.values():  # warm both workers: connections, templates
            for _ in range(20):
                c = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
                c.request("GET", pad, headers={"Cookie": f"sessionid={cookie}"})
                status = c.getresponse().status
                if status != 200:
                    raise RuntimeError(f"{pad} answered {status}")
        uitkomst = {}
        minimaal = [meten(basis_url + paden["minimale view"], cookie)]
        for naam, pad in paden.items():
            if naam != "minimale view":
                uitkomst[naam] = meten(basis_url + pad, cookie)
        minimaal.append(meten(basis_url + paden["minimale view"], cookie))
        uitkomst["minimale view"] = statistics.mean(minimaal)
        return uitkomst, werktuig
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)


# --- report -----------------------------------------------------------------------------------
def machine() -> str:
    model = platform.processor() or ""
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                model = regel.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model or 'unknown CPU'}"


def te_veel_tekst() -> str:
    """The queries of the pages over the aim, shortened, so their owners see what to join."""
    if not QUERIES_TE_VEEL:
        return ""
    delen = [f"\nQueries of the pages over {MAX_QUERIES} (at {GROOTTES[-1]:,} trajecten):\n"]
    for naam, sqls in QUERIES_TE_VEEL.items():
        delen.append(f"\n{naam}:\n")
        for sql in sqls:
            kort = re.sub(r"SELECT .*? FROM", "SELECT … FROM", sql, count=1, flags=re.S)
            delen.append(f"    {kort[:150]}\n")
    return "".join(delen)


def sectie_schrijven(kop: str, tekst: str) -> None:
    """Replace (or append) the section ``kop`` of bench/RESULTS.md, leaving the others."""
    pad = ROOT / "bench" / "RESULTS.md"
    bestaand = pad.read_text() if pad.exists() else "# Benchmark results\n"
    if kop in bestaand:
        voor, rest = bestaand.split(kop, 1)
        na = rest.split("\n## ", 1)
        staart = ("\n## " + na[1]) if len(na) > 1 else ""
        nieuw = voor + tekst.rstrip("\n") + "\n" + staart
    else:
        nieuw = bestaand.rstrip("\n") + "\n\n" + tekst
    pad.write_text(nieuw.rstrip("\n") + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--zonder-rps", action="store_true", help="only count the queries")
    args = parser.parse_args()
    basis = args.postgres.rstrip("/")
    begin = time.monotonic()
    nu = datetime.datetime.now(datetime.UTC)
    database_maken(basis)
    try:
        django_opzetten(basis)
        wereld = wereld_maken()
        metingen = {}
        for grootte in GROOTTES:
            trajecten_aanvullen(wereld, grootte)
            metingen[grootte] = queries_meten(wereld)
            for naam, (q, ms, status) in metingen[grootte].items():
                print(f"{grootte:>6} trajecten  {naam:<45} {status} {q:>3} queries {ms:7.1f} ms")
        rps, werktuig = ({}, "") if args.zonder_rps else rps_meten(wereld, basis)
        for naam, waarde in rps.items():
            print(f"{naam:<45} {waarde:8.1f} req/s")
    finally:
        database_weggooien(basis)

    klein, groot = metingen[GROOTTES[0]], metingen[GROOTTES[-1]]
    klein_n, groot_n = f"{GROOTTES[0]:,}", f"{GROOTTES[-1]:,}"
    kop_tabel = (
        f"| page | queries at {klein_n} | queries at {groot_n} | ms at {klein_n} "
        f"| ms at {groot_n} | aim |"
    )
    tijd_doelen = ", ".join(f"{p.naam} {p.max_tijdfactor:g}×" for p in PAGINAS if p.max_tijdfactor)
    regels = []
    factoren = {p.naam: p.max_tijdfactor for p in PAGINAS}
    for naam in klein:
        (q1, ms1, s1), (q2, ms2, s2) = klein[naam], groot[naam]
        goed = q1 == q2 and q2 <= MAX_QUERIES and s1 == s2 == 200
        if factoren.get(naam):
            goed = goed and ms2 <= factoren[naam] * ms1
        oordeel = "ok" if goed else "**NOT met**"
        regels.append(f"| {naam} | {q1} | {q2} | {ms1:.1f} | {ms2:.1f} | {oordeel} |")
    sectie_schrijven(
        KOP_QUERIES,
        f"""{KOP_QUERIES}

`bench/bench_paginas.py`, run {nu:%Y-%m-%d %H:%M} UTC on {machine()}; PostgreSQL, database
`{DB_NAAM}` (created and dropped by the script), settings `bench.instellingen` (DEBUG off).
One gemeente with {GROOTTES[0]:,} and then {GROOTTES[-1]:,} trajecten; the initiative member
has a role on every traject and one notification per traject. Queries of one request
(after a warm-up request), and the median time of 5 requests in-process (Django test client).
Aim: the same count at both sizes, and at most {MAX_QUERIES} queries per page; for
{tijd_doelen}: at {GROOTTES[-1]:,} trajecten at most that many times the time at {GROOTTES[0]:,}.

{kop_tabel}
|---|---:|---:|---:|---:|---|
"""
        + "\n".join(regels)
        + "\n"
        + te_veel_tekst(),
    )
    if rps:
        minimaal = rps["minimale view"]
        rps_regels = [f"| minimale view (`/bench/minimaal/`) | {minimaal:.0f} | 1.00 | |"]
        for naam, waarde in rps.items():
            if naam == "minimale view":
                continue
            ratio = waarde / minimaal
            oordeel = "ok" if ratio >= MIN_RATIO else "**NOT met**"
            rps_regels.append(f"| {naam} | {waarde:.0f} | {ratio:.2f} | {oordeel} |")
        sectie_schrijven(
            KOP_RPS,
            f"""{KOP_RPS}

`bench/bench_paginas.py`, run {nu:%Y-%m-%d %H:%M} UTC on {machine()}; gunicorn, 2 sync workers,
settings `bench.instellingen` (DEBUG off, persistent database connections), PostgreSQL with
{GROOTTES[-1]:,} trajecten; logged in as an official through a session cookie; load from
127.0.0.1 with {werktuig}. The minimal view runs through the same middleware on the same
server in the same run (measured before and after the pages; the mean is shown).
Aim: each page at least {MIN_RATIO:.2f} of the minimal view.

| URL | requests/s | ratio to minimal view | aim |
|---|---:|---:|---|
"""
            + "\n".join(rps_regels)
            + "\n",
        )
    print(f"bench_paginas: {time.monotonic() - begin:.0f} s")


if __name__ == "__main__":
    main()
