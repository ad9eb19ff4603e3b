"""Benchmark of the FALC checker: prints figures, asserts nothing.

(a) tier 1 only (regular expressions and word lists) on 1,000 generated French
    sentences, one text each: budget 1 s;
(b) all tiers, model load included, over the FALC texts of ``dialogues/*.yaml``
    (``falc`` of messages, ``label_falc`` of choices) or, without them, a built-in corpus
    of about 300 sentences: budget 5 s;
(c) the FALC pass of ``coach lint`` (``coach.content.falc_gate.falc_gate``): check of every
    FALC message and choice label, pair check (FALC-PAIR-002) of every message, corpus
    gate — model load included, the dialogue files already read: budget 5 s.

(b) and (c) run in a fresh process each time, so the spaCy import and the model load are
counted. Every figure is the median of several runs (``--runs``, default 5): wall clock,
CPU time of the process, and CPU time of its main thread. The machine is shared: CPU
times are the steadier figures, and the load average printed first says how busy the
machine was. The process CPU time also counts the BLAS worker threads (OpenBLAS, used by
the spaCy model's tok2vec layer), which mostly wait; on a quiet machine the wall clock is
close to the main thread's CPU time.

Quality first: ``bench/falc_eval.py`` (share of FALC paragraphs with no error, share of
standard paragraphs with at least one error, by rule, with and without the sentence-length
rule, on the tuned, dev, dev2, dev3, blind and blind2 hand-written sets; ``--set NAME`` to
score only some).

    python bench/falc_bench.py [--runs N] [--quality-only | --speed-only] [--set NAME]...
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
TIER1_BUDGET = 1.0
BUDGET = 5.0

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
    """*n* varied sentences: simple ones, and the hard cases of the FALC rules
    (docs/falc.md) now and then."""
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


def _clock() -> tuple[float, float, float]:
    return time.perf_counter(), time.process_time(), time.thread_time()


def _since(start: tuple[float, float, float]) -> dict[str, float]:
    wall, cpu, main = _clock()
    return {"wall": wall - start[0], "cpu": cpu - start[1], "main": main - start[2]}


def child_tier1() -> dict[str, float]:
    from falc import Checker, Config

    checker = Checker(Config.default(), tiers=(1,))
    texts = generated_sentences()
    checker.check_many(texts[:20])  # warm the word-list caches (not the model)
    start = _clock()
    checker.check_many(texts)
    return {**_since(start), "texts": len(texts)}


def child_check(corpus_file: str) -> dict[str, float]:
    """The corpus is read from a JSON file written by the parent (reading YAML is not
    counted); importing falc and loading the model are."""
    texts = json.loads(Path(corpus_file).read_text(encoding="utf-8"))
    start = _clock()
    from falc import Checker, load_config
    from falc import nlp as falc_nlp

    checker = Checker(load_config(start_dir=str(ROOT)), tiers=(1, 2, 3))
    falc_nlp.get_nlp()
    load = _since(start)
    reports = checker.check_many(texts)
    return {
        **_since(start), "load": load["wall"], "load_cpu": load["cpu"], "texts": len(texts),
        "findings": sum(len(r.findings) for r in reports),
        "sentences": sum(int(r.scores["sentences"]) for r in reports),
    }


def child_lint() -> dict[str, float]:
    """What ``coach lint`` spends on FALC once the dialogue files are read."""
    sys.path.insert(0, str(ROOT))
    from coach.content.loader import read_content

    content, _ = read_content(ROOT / "dialogues")
    assert content is not None, "the dialogue files do not load"
    start = _clock()
    from coach.content.falc_gate import falc_gate
    from falc import nlp as falc_nlp

    falc_nlp.get_nlp()  # falc_gate would load it first thing: timed apart, counted in total
    load = _since(start)
    issues, figures = falc_gate(content)
    return {
        **_since(start), "load": load["wall"], "load_cpu": load["cpu"],
        "issues": len(issues), "messages": sum(f["messages"] for f in figures["flows"].values()),
    }


def run(mode: str, runs: int, texts: list[str] | None = None,
        falc_from: str | None = None) -> list[dict[str, float]]:
    """*falc_from*: a checkout whose ``falc`` package the child imports instead (the
    baseline of ``--baseline DIR``, measured in the same run, on the same texts)."""
    env = dict(os.environ)
    if falc_from:
        env["PYTHONPATH"] = falc_from
    results = []
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as fh:
        json.dump(texts or [], fh, ensure_ascii=False)
        fh.flush()
        for _ in range(runs):
            proc = subprocess.run([sys.executable, __file__, "--child", mode, fh.name],
                                  capture_output=True, text=True, check=True, cwd=ROOT,
                                  env=env)
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return results


def median(results: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in results)


def report(label: str, results: list[dict[str, float]], budget: float) -> str:
    wall, cpu, main = (median(results, key) for key in ("wall", "cpu", "main"))
    line = (f"{label}:\n    median wall {wall:.2f} s ({wall / budget:.0%} of the {budget:g} s "
            f"budget), CPU {cpu:.2f} s ({cpu / budget:.0%}), main thread CPU {main:.2f} s "
            f"({main / budget:.0%})")
    if "load" in results[0]:
        line += (f"\n    of which import + model load: {median(results, 'load'):.2f} s wall, "
                 f"{median(results, 'load_cpu'):.2f} s CPU")
    runs = ", ".join(f"{r['wall']:.2f}/{r['cpu']:.2f}/{r['main']:.2f}" for r in results)
    return f"{line}\n    runs (wall/CPU/main thread CPU, s): {runs}"


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        mode = sys.argv[2]
        if mode == "tier1":
            result = child_tier1()
        elif mode == "lint":
            result = child_lint()
        else:
            result = child_check(sys.argv[3])
        print(json.dumps(result))
        return
    if "--speed-only" not in sys.argv:
        sets = [arg for i, arg in enumerate(sys.argv) if i and sys.argv[i - 1] == "--set"]
        subprocess.run([sys.executable, str(ROOT / "bench" / "falc_eval.py"),
                        *(f"--set={name}" for name in sets)], check=True, cwd=ROOT)
        if "--quality-only" in sys.argv:
            return
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    load1, load5, _ = os.getloadavg()
    print(f"{os.cpu_count()} CPUs, load average {load1:.1f} (1 min), {load5:.1f} (5 min); "
          f"{runs} runs per figure")
    a = run("tier1", runs)
    print(report(f"(a) tier 1 only, {a[0]['texts']:.0f} generated sentences", a, TIER1_BUDGET))
    dialogues = dialogue_corpus()
    name, texts = ("dialogues/*.yaml", dialogues) if dialogues else ("built-in", builtin_corpus())
    b = run("check", runs, texts)
    print(report(f"(b) tiers 1+2+3, {name} corpus, {b[0]['texts']:.0f} texts "
                 f"({b[0]['sentences']:.0f} sentences)", b, BUDGET))
    if "--baseline" in sys.argv:
        base = sys.argv[sys.argv.index("--baseline") + 1]
        a0 = run("tier1", runs, falc_from=base)
        print(report(f"(a) baseline {base}", a0, TIER1_BUDGET))
        b0 = run("check", runs, texts, falc_from=base)
        print(report(f"(b) baseline {base}", b0, BUDGET))
        for label, new, old in (("(a)", a, a0), ("(b)", b, b0)):
            ratio = median(new, "cpu") / median(old, "cpu")
            print(f"{label} CPU time, this checkout / baseline: {ratio:.2f}")
    if dialogues:
        c = run("lint", runs)
        print(report(f"(c) coach lint FALC pass ({c[0]['messages']:.0f} messages: check, "
                     f"pairs, corpus gate)", c, BUDGET))


if __name__ == "__main__":
    main()
