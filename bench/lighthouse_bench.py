"""Lighthouse (mobile preset, simulated throttling) on the client and on a partner page with
the widget, against a real `coach` server (SQLite in a temporary folder, the real dialogues).

Lighthouse is not a Python dependency: install it once into a folder of your choice,
    npm i -E --prefix /tmp/lh lighthouse@12.2.3
then run
    python bench/lighthouse_bench.py --lighthouse /tmp/lh [--tree /path/to/other/checkout]
`--tree` serves another checkout (for a before/after comparison in the same run). Chromium is
/usr/bin/chromium (CHROME_PATH). Prints each category's score and the metrics, per page.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.servers import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[1]
FLAGS = "--headless --no-sandbox --disable-gpu"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
PARTNER = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Page d’un site partenaire qui accueille le tchat du coach.">
<link rel="icon" href="data:,"><title>Association Les Partenaires</title></head>
<body><main><h1>Association Les Partenaires</h1>
<p>Nous accompagnons les familles et les professionnels.</p>
<p>Le tchat du coach s’ajoute en bas à droite de la page, sans rien cacher.</p></main>
<script src="{coach}/widget.js" defer data-flow="familles"></script></body></html>
"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def lighthouse(folder: Path, url: str, out: Path) -> dict[str, object]:
    cli = folder / "node_modules" / ".bin" / "lighthouse"
    subprocess.run([str(cli), url, "--quiet", f"--chrome-flags={FLAGS}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--output=json", f"--output-path={out}"],
                   check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                   timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    metrics = {m: report["audits"][m]["displayValue"] for m in METRICS}
    return {"scores": scores, "metrics": metrics}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", type=Path, required=True,
                        help="folder where lighthouse was installed with npm")
    parser.add_argument("--tree", type=Path, default=ROOT, help="checkout to serve")
    args = parser.parse_args()
    port, partner_port = free_port(), free_port()
    coach, partner = f"http://127.0.0.1:{port}", f"http://localhost:{partner_port}"
    with tempfile.TemporaryDirectory(prefix="coach-lh-") as tmp:
        folder = Path(tmp)
        (folder / "partenaire").mkdir()
        (folder / "partenaire" / "index.html").write_text(PARTNER.format(coach=coach),
                                                          encoding="utf-8")
        server = ThreadingHTTPServer(("127.0.0.1", partner_port), functools.partial(
            Quiet, directory=str(folder / "partenaire")))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = {**os.environ, "PYTHONPATH": str(args.tree),
               "COACH_STORE_URL": f"sqlite:///{folder / 'coach.db'}",
               "COACH_RATE_LIMIT_PER_MINUTE": "0",
               "COACH_ALLOWED_ORIGINS": json.dumps([partner])}
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "coach.api.app:app_from_env", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=args.tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(port, timeout=60)
            for name, url in (("client", coach + "/"), ("partenaire + widget",
                                                        partner + "/index.html")):
                result = lighthouse(args.lighthouse, url, folder / "rapport.json")
                print(f"{name:22} {result['scores']}  {result['metrics']}")
        finally:
            process.terminate()
            process.wait(timeout=10)
            server.shutdown()


if __name__ == "__main__":
    main()
