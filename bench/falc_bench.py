"""Benchmark of the FALC checker: prints figures, asserts nothing.

(a) tier 1 only (regular expressions and word lists) on 1,000 generated French
    sentences, one text each: budget 1 s;
(b) all tiers, model load included, over the FALC texts of ``dialogues/*.yaml``
    (``falc`` of messages, ``label_falc`` of choices) or, without them, a built-in corpus
    of about 300 sentences: budget 5 s. Each run is a fresh process, so the spaCy import
    and model load are counted.

Every figure is the median of 3 runs, wall clock and CPU time of the process (the CPU
time is the steadier figure on a shared machine).

    python bench/falc_bench.py
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3

SUBJECTS = ["Vous", "Le groupe", "La communauté", "Alexandra", "Le coach", "Patricia",
            "Les membres", "Léo", "Chaque membre", "Votre famille"]
VERBS = ["lit", "prépare", "partage", "choisit", "écrit", "organise", "anime", "regarde",
         "aide", "trouve"]
OBJECTS = ["le guide", "la charte", "une réponse", "la réunion", "vos idées", "le tchat",
           "la feuille de route", "les questions", "un rendez-vous", "l'ordre du jour"]
TAILS = ["", " lundi", " avec 2 personnes", " à Rennes", " chaque mois", " sur internet",
         " avec deux amis", " le 14/05/2024", " afin de gagner du temps", " à 14h30"]
EXTRAS = [
    "Ne restez pas seul.", "Il faut remplir le dossier.", "30 % des aidants sont fatigués.",
    "Le dossier est validé par la commission.", "Contactez la MDPH.",
    "Certains jours, vous avez envie de baisser les bras.", "Voir p. ex. le livret.",
    "TRÈS IMPORTANT : venez demain.", "Louis XIV aimait Versailles.", "Bonjour.",
    "Vous pourriez nous écrire.", "Si vous voulez, vous pouvez venir.",
    "Les aidants familiaux qui accompagnent au quotidien une personne en situation de "
    "handicap ont souvent besoin de répit et de soutien.",
]


def generated_sentences(n: int = 1000, seed: int = 0) -> list[str]:
    """*n* varied sentences: simple ones, and the hard cases of FALC.md now and then."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 7 == 0:
            out.append(rng.choice(EXTRAS))
            continue
        verb = rng.choice(VERBS)
        subject = rng.choice(SUBJECTS)
        if subject == "Vous":
            verb = verb[:-1] + "ez" if verb.endswith("t") else verb + "z"
        elif subject.startswith("Les"):
            verb += "nt" if verb.endswith("e") else "ent"
        out.append(f"{subject} {verb} {rng.choice(OBJECTS)}{rng.choice(TAILS)}.")
    return out


def dialogue_corpus() -> list[str] | None:
    """FALC texts of the dialogue files, or None when there are none."""
    files = sorted((ROOT / "dialogues").glob("*.yaml"))
    if not files:
        return None
    import yaml

    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("falc", "label_falc") and isinstance(value, str):
                    texts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in files:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts or None


def builtin_corpus() -> list[str]:
    """About 300 FALC-style sentences, in messages of 1 to 5 lines."""
    sentences = generated_sentences(300, seed=1)
    return ["\n".join(sentences[i : i + 1 + i % 5]) for i in range(0, 300, 3)]


def child(mode: str, corpus_file: str | None = None) -> None:
    """One timed run, in this process; prints a JSON line. The corpus is read from a JSON
    file written by the parent, so reading YAML is not counted."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    from falc import Checker, Config

    if mode == "tier1":
        checker = Checker(Config.default(), tiers=(1,))
        texts = generated_sentences()
        checker.check_many(texts[:20])  # warm the word-list caches (not the model)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        checker.check_many(texts)
        print(json.dumps({"wall": time.perf_counter() - wall0,
                          "cpu": time.process_time() - cpu0, "texts": len(texts)}))
        return
    from falc import load_config
    from falc import nlp as falc_nlp

    assert corpus_file is not None
    texts = json.loads(Path(corpus_file).read_text(encoding="utf-8"))
    checker = Checker(load_config(start_dir=str(ROOT)), tiers=(1, 2, 3))
    falc_nlp.get_nlp()
    loaded = time.perf_counter() - wall0
    reports = checker.check_many(texts)
    print(json.dumps({
        "wall": time.perf_counter() - wall0, "cpu": time.process_time() - cpu0,
        "load": loaded, "texts": len(texts), "findings": sum(len(r.findings) for r in reports),
        "sentences": sum(int(r.scores["sentences"]) for r in reports),
    }))


def run(mode: str, texts: list[str] | None = None) -> list[dict[str, float]]:
    results = []
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as fh:
        json.dump(texts or [], fh, ensure_ascii=False)
        fh.flush()
        for _ in range(RUNS):
            proc = subprocess.run([sys.executable, __file__, "--child", mode, fh.name],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return results


def median(results: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in results)


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
        return
    a = run("tier1")
    wall, cpu = median(a, "wall"), median(a, "cpu")
    print(f"(a) tier 1 only, {a[0]['texts']:.0f} generated sentences: "
          f"median wall {wall:.3f} s, CPU {cpu:.3f} s — {wall / 1.0:.0%} of the 1 s budget "
          f"(CPU {cpu / 1.0:.0%}); runs: " + ", ".join(f"{r['wall']:.3f}" for r in a))
    corpora = [("built-in", builtin_corpus())]
    dialogues = dialogue_corpus()
    if dialogues:
        corpora.insert(0, ("dialogues/*.yaml", dialogues))
    for name, texts in corpora:
        b = run("all", texts)
        wall, cpu, load = median(b, "wall"), median(b, "cpu"), median(b, "load")
        print(f"(b) tiers 1+2+3 with model load, {name} corpus, {b[0]['texts']:.0f} texts "
              f"({b[0]['sentences']:.0f} sentences): median wall {wall:.2f} s (import + "
              f"model load {load:.2f} s, checking {wall - load:.2f} s), CPU {cpu:.2f} s — "
              f"{wall / 5.0:.0%} of the 5 s budget; runs: "
              + ", ".join(f"{r['wall']:.2f}" for r in b))


if __name__ == "__main__":
    main()
