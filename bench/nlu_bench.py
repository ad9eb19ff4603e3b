"""Free-text understanding benchmark over the example files the coach learns from
(dialogues/exemples/: the tuned set reglage.yaml; the development sets dev3.yaml, dev4.yaml and
dev5.yaml, written on 2026-12-02 before that day's tuning or that afternoon's, and dev6.yaml,
written on 2026-12-03 before that session's tuning, by a writer who read no matcher code, no
intentions, no topics or synonyms and no other utterance set) and six blind sets
(tests/data/utterances_blind.yaml, utterances_blind2.yaml … utterances_blind6.yaml, each
written from the personas and never tuned against nor learned from; blind4 on the evening of
2026-12-02, before that session's tuning; blind5 late that evening and blind6 at the start of
the session of 2026-12-04, each by a helper who read no matcher code, no intentions, no
topics or synonyms and no other utterance set, to be scored once at the end of the session).
As the coach learns from the example files, each is also scored with the rules alone and
with the examples' model learned without it (a cross-validation: what it does on sentences
it never saw).

Prints, for each set, top-1 and top-3 accuracy (overall and per group or persona), what the
decisions were (go, ask, miss) and how often a « go » was right, what the sentences labelled
« aucun » got (the off-topic answer, a place, « not understood ») and how many labelled with
a place were answered off-topic (also with the model learned without the file); the
cross-validated top-1 of all the development sets together (each read by the model learned
without it: sentences the model never saw, though the rules were tuned on many of them); the
confusion lists of the tuned and development sets only (a blind set's utterances and
per-utterance results are never printed, so that nobody tunes against them); then the index
build time, and the median, mean and p99 time to understand one utterance of the tuned and
first two blind sets on the real content (many repeats).
  top-1  the decision's first place is the expected one (a miss counts as « aucun »);
  top-3  the expected place is among the first three (for « aucun »: the coach did not go).
With --visible, only the tuned and development sets are read, scored and printed (timing
included): no blind figure at all, not even in the summary. Use it while tuning; the blind
figures are read once, at the end of a session.
With --compare TREE, the timing alone runs in child processes, alternately with the code of
TREE (e.g. a worktree of the previous commit) and with this tree's, on the same utterances:
a before/after measured in the same run: the median (wall clock) and the mean processor
time per utterance; with --visible too, on the tuned and development sets (no blind file is
opened), else on the tuned and first two blind sets.
Run: python bench/nlu_bench.py [--visible] [--repeats N] [--all] [--compare TREE [--rounds N]]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The code under test: this tree, or the tree given by a parent run (--compare).
sys.path.insert(0, os.environ.get("NLU_BENCH_CODE") or str(Path(__file__).resolve().parents[1]))

from coach.content.loader import load_content
from coach.content.model import Content
from coach.content.schema import REPLY
from coach.engine.commands import TYPED_COMMANDS
from coach.engine.engine import Engine
from coach.engine.record import Record
from coach.engine.understand import Decision

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# The tuned and development sets are the examples the coach learns from (dialogues/exemples/).
EXAMPLES = ROOT / "dialogues" / "exemples"
UTTERANCES = EXAMPLES / "reglage.yaml"
BLIND = DATA / "utterances_blind.yaml"
BLIND2 = DATA / "utterances_blind2.yaml"
BLIND3 = DATA / "utterances_blind3.yaml"
BLIND4 = DATA / "utterances_blind4.yaml"
BLIND5 = DATA / "utterances_blind5.yaml"
BLIND6 = DATA / "utterances_blind6.yaml"
DEV3 = EXAMPLES / "dev3.yaml"
DEV4 = EXAMPLES / "dev4.yaml"
DEV5 = EXAMPLES / "dev5.yaml"
DEV6 = EXAMPLES / "dev6.yaml"
DEV7 = EXAMPLES / "dev7.yaml"
# The visible development sets, by name (every dev<N>.yaml of the examples, in order):
# measured and their confusions printed.
DEV_SETS = {path.stem: path for path in sorted(EXAMPLES.glob("dev*.yaml"),
                                               key=lambda path: int(path.stem[3:]))}
# When each was written (printed with its figures).
DEV_WRITTEN = {"dev3": "before the tuning of 2026-12-02", "dev4": "before the tuning of 2026-12-02",
               "dev5": "before the tuning of 2026-12-02",
               "dev6": "on 2026-12-03 before that session's tuning",
               "dev7": "on 2026-12-03 in the morning, by a writer who read no matcher code,"
                       " no example file, no intentions, topics or synonyms",
               "dev8": "on 2026-12-03 in the day, the same way (deeper places: partners,"
                       " coordinators, professionals)",
               "dev9": "on 2026-12-03 in the day, the same way (families, people with a"
                       " disability, off-topic)",
               "dev10": "on 2026-12-03 in the day, the same way (professionals, partners)",
               "dev11": "on 2026-12-03 in the day, the same way, typed in the middle of"
                        " journeys (not learned: measures the rules in context)",
               "dev12": "on 2026-12-03 in the day, the same way (partners, coordinators)",
               "dev13": "on 2026-12-03 in the day, the same way, typed in the middle of the"
                        " coordinators' and partners' journeys (not learned)",
               "dev14": "on 2026-12-03 in the day, the same way (families, people with a"
                        " disability, off-topic close to the subject)",
               "dev15": "on 2026-12-03 in the day, the same way (partner organisations)",
               "dev16": "on 2026-12-03 in the day, the same way (families, people with a"
                        " disability, off-topic close to the subject)",
               "dev17": "on 2026-12-03 in the day, the same way (partners, coordinators, an"
                        " organisation's own business)",
               "dev18": "on 2026-12-03 in the afternoon, the same way (families, people with a"
                        " disability, professionals: deeper places)",
               "dev19": "on 2026-12-03 in the afternoon, the same way (coordinators, partners:"
                        " deeper places, an organisation's own business)",
               "dev21": "on 2026-12-03 in the afternoon, the same way (families, people with a"
                        " disability: formal, non-native, dictated, hurried, angry writing)",
               "dev22": "on 2026-12-03 in the afternoon, the same way (coordinators, partners,"
                        " professionals: e-mails, meeting notes, jargon, keywords)",
               "dev20": "on 2026-12-03 in the afternoon, the same way, typed in the middle of"
                        " journeys, kept from the work on answers at a step (not learned)",
               "dev23": "on 2026-12-03 in the evening, the same way (partners, professionals;"
                        " an organisation's own business, e-mails, keywords)",
               "dev24": "on 2026-12-03 in the evening, the same way (families, people with a"
                        " disability, coordinators: hurried, dictated, non-native writing)",
               "dev25": "on 2026-12-03 in the evening, the same way, typed in the middle of"
                        " journeys, kept from that session's work at a step (not learned)",
               "dev26": "on 2026-12-03 in the evening, the same way (partners, coordinators:"
                        " an organisation's own business, e-mails, meeting notes, jargon)",
               "dev27": "on 2026-12-03 in the evening, the same way (people with a disability,"
                        " families, professionals: easy-to-read, SMS, dictated writing)",
               "dev28": "on 2026-12-03 in the evening, the same way (partners, professionals:"
                        " an organisation's own business, e-mails, jargon)",
               "dev29": "on 2026-12-03 in the evening, the same way (families, people with a"
                        " disability, coordinators: deeper places, SMS, dictated writing)",
               "dev30": "on 2026-12-03 in the evening, the same way (partners, coordinators)",
               "dev31": "on 2026-12-03 in the evening, the same way (families, people with a"
                        " disability, professionals)",
               "dev32": "on 2026-12-03 in the afternoon, the same way (partners, professionals:"
                        " funders, institutions, organisations embedding the tchat)",
               "dev33": "on 2026-12-03 in the afternoon, the same way (coordinators: stages 1"
                        " and 2 and the tools)",
               "dev34": "on 2026-12-03 in the afternoon, the same way (coordinators and"
                        " animators: stages 3 and 4, difficulties)",
               "dev35": "on 2026-12-03 in the afternoon, the same way (partners, coordinators:"
                        " administrative French, pasted e-mails, two-word queries)",
               "dev36": "on 2026-12-03 in the afternoon, the same way (coordinators, partners:"
                        " situations without a question, two questions, who one is)",
               "dev37": "on 2026-12-03 in the afternoon, the same way (partners: heads of"
                        " establishments, health staff, schools, staff embedding the tchat)",
               "dev38": "on 2026-12-03 in the afternoon, the same way (coordinators across the"
                        " stages, people with a disability who co-animate; phonetic spelling)",
               "dev39": "on 2026-12-03 in the afternoon, the same way (families, coordinators,"
                        " partners: keywords, fragments, feelings, imperatives)",
               "dev40": "on 2026-12-03 in the afternoon, the same way (coordinators at a"
                        " concrete moment of their community)",
               "dev41": "on 2026-12-03 in the afternoon, the same way (partners outside the"
                        " field's vocabulary)",
               "dev42": "on 2026-12-03 in the afternoon, the same way (people with a"
                        " disability, families: simple writing, LSF word order, dictation)",
               "dev43": "on 2026-12-03 in the evening, the same way (partners: funders and"
                        " public authorities in administrative French)",
               "dev44": "on 2026-12-03 in the evening, the same way (partners who relay the"
                        " coach or a community; professionals' worries)",
               "dev45": "on 2026-12-03 in the evening, the same way (the concrete life of a"
                        " community: meetings, anonymity, handing over, closing)",
               "dev46": "on 2026-12-03 in the evening, the same way (professionals saying"
                        " who they are and what worries them)",
               "dev47": "on 2026-12-03 in the evening, the same way (families and people with"
                        " a disability on a phone: SMS, dictation, one or two words)",
               "dev48": "on 2026-12-03 in the evening, the same way (partners outside the"
                        " medico-social field, and the coordinators who work with them)",
               "dev49": "on 2026-12-03 in the evening, the same way (coordinators at every"
                        " stage, in their own words; where they are in the journey)",
               "dev50": "on 2026-12-03 in the evening, the same way (long stories, two"
                        " questions at once, corrections; partners most)",
               "dev51": "on 2026-12-03 in the evening, the same way (partners, and requests"
                        " near their work that the coach does not handle)",
               "dev52": "on 2026-12-03 at night, the same way (partners: putting the coach on"
                        " their site, data, cost, governance, impact; e-mail style and jargon)",
               "dev53": "on 2026-12-03 at night, the same way (professionals: isolation,"
                        " conflicts, no time, no budget, professional secrecy)",
               "dev54": "on 2026-12-03 at night, the same way (partners and coordinators in"
                        " 3 to 10 words, as a search or between two meetings)",
               "dev55": "on 2026-12-03 at night, the same way (families and people with a"
                        " disability: who they are, cost, a group nearby, meetings, thanks)",
               "dev56": "on 2026-12-03 at night, the same way (partners: institutions and"
                        " funders, and the technical staff who put the coach on a site)",
               "dev57": "on 2026-12-03 at night, the same way (professionals and coordinators"
                        " in the middle of a situation, with its story)",
               "dev58": "on 2026-12-03 at night, the same way (words and acronyms in people's"
                        " own way, greetings then a question, who one is and what one wants)",
               "dev59": "on 2026-12-03 at night, the same way (people who write with"
                        " difficulty or in a second language)",
               "dev60": "on 2026-12-04, the same way (partners above all: institutions,"
                        " funders, resource centres, hospitals; professionals in jobs the"
                        " content never names)",
               "dev61": "on 2026-12-04 in the evening, the same way (professionals and"
                        " partner organisations, half each, in their own words)",
               "dev62": "on 2026-12-04 at night, the same way (partner organisations, and"
                        " people with a disability in SMS and short sentences)"}
# The blind sets, by name: measured, their aggregates only; never read with --visible.
BLIND_SETS = {"blind": BLIND, "blind2": BLIND2, "blind3": BLIND3, "blind4": BLIND4,
              "blind5": BLIND5, "blind6": BLIND6}
BLIND_TITLES = {"blind": "blind", "blind2": "second blind", "blind3": "third blind",
                "blind4": "fourth blind", "blind5": "fifth blind",
                "blind6": "sixth blind"}
MISS = "aucun"


@dataclass(frozen=True)
class Utterance:
    text: str
    expect: str
    at: str = "accueil:menu"
    group: str = ""
    vars: dict[str, Any] = field(default_factory=dict)
    held_out: bool = False
    persona: str = ""


@dataclass
class Report:
    total: int = 0
    top1: int = 0
    top3: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    # What the sentences labelled « aucun » got (off-topic, a place, not understood) and how
    # many labelled with a place were answered off-topic.
    nothing: Counter[str] = field(default_factory=Counter)
    place_off_topic: int = 0
    go_right: int = 0
    groups: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    confusions: list[tuple[Utterance, str, list[str]]] = field(default_factory=list)

    def rate(self, value: int) -> float:
        return value / self.total if self.total else 0.0


def load_utterances(path: Path = UTTERANCES) -> list[Utterance]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Utterance(str(u["text"]), u["expect"], u.get("at", "accueil:menu"),
                      u.get("group") or u.get("persona", ""), u.get("vars") or {},
                      bool(u.get("held_out")), u.get("persona", ""))
            for u in data["utterances"]]


def unknown_places(content: Content, utterances: list[Utterance]) -> list[str]:
    """What an utterance file names that the content does not have: its `at` node, or its
    `expect` (a node, a command, a term or terms of the glossary, a reply, or « aucun »)."""
    glossary = {entry.term for entry in content.glossary}
    wrong = []
    for utterance in utterances:
        flow, _sep, node = utterance.at.partition(":")
        if not content.has_node((flow, node)):
            wrong.append(f"« {utterance.text} » : at {utterance.at}")
        kind, _sep, name = utterance.expect.partition(":")
        if utterance.expect == MISS:
            known = True
        elif kind == "commande":
            known = name in content.commands or name in TYPED_COMMANDS
        elif kind == "glossaire":
            known = all(term in glossary for term in name.split("+"))
        elif kind == REPLY:
            known = f"{REPLY}-{name}" in content.system
        else:
            known = bool(name) and content.has_node((kind, name))
        if not known:
            wrong.append(f"« {utterance.text} » : expect {utterance.expect}")
    return wrong


def record_at(engine: Engine, utterance: Utterance) -> Record:
    flow, node = utterance.at.split(":", 1)
    if not engine.content.has_node((flow, node)):
        raise ValueError(f"« {utterance.text} » : le nœud {utterance.at} n'existe pas")
    return Record(id="bench", flow=flow, node=node, origin=flow,
                  content_version=engine.content.version, vars=dict(utterance.vars))


def places(decision: Decision) -> list[str]:
    """The places of a decision, first the one it takes or offers first."""
    if decision.kind == "miss":
        return [MISS]
    return [c.place for c in decision.candidates]


def evaluate(engine: Engine, utterances: list[Utterance]) -> Report:
    report = Report()
    for utterance in utterances:
        decision = engine.understand(record_at(engine, utterance), utterance.text)
        found = places(decision)
        first = found[0] if found else MISS
        one = first == utterance.expect
        three = decision.kind != "go" if utterance.expect == MISS else utterance.expect in found[:3]
        report.total += 1
        report.top1 += one
        report.top3 += three
        report.kinds[decision.kind] += 1
        off_topic = getattr(decision, "off_topic", False)  # a tree --compare may time
        if utterance.expect == MISS:
            report.nothing["off-topic" if off_topic else "not understood"
                           if decision.kind == "miss" else "a place"] += 1
        else:
            report.place_off_topic += off_topic
        report.go_right += decision.kind == "go" and one
        group = report.groups[utterance.group]
        group[0] += 1
        group[1] += one
        group[2] += three
        if not one:
            report.confusions.append((utterance, decision.kind, found[:3]))
    return report


def timings(engine: Engine, utterances: list[Utterance], repeats: int) -> list[float]:
    records = [record_at(engine, u) for u in utterances]
    samples = []
    for _ in range(repeats):
        for utterance, record in zip(utterances, records, strict=True):
            start = time.perf_counter()
            engine.understand(record, utterance.text)
            samples.append(time.perf_counter() - start)
    return samples


def print_report(title: str, report: Report, utterances: list[Utterance],
                 show_all: bool, confusions: bool = True) -> None:
    print(f"== {title}: {report.total} utterances"
          f" ({sum(u.at != 'accueil:menu' for u in utterances)} typed elsewhere than the menu)")
    print(f"top-1: {report.rate(report.top1):.1%}   top-3: {report.rate(report.top3):.1%}")
    go = report.kinds["go"]
    print(f"decisions: go {go}, ask {report.kinds['ask']}, miss {report.kinds['miss']};"
          f" go right {report.go_right}/{go} ({report.go_right / go if go else 0:.1%})")
    print(off_topic_line(report))
    print("per group (n, top-1, top-3):")
    for name, (n, one, three) in sorted(report.groups.items()):
        print(f"  {name:13} {n:4}  {one / n:6.1%}  {three / n:6.1%}")
    print(f"confusions ({len(report.confusions)})" + (":" if confusions else
                                                        " (blind set: not printed)"))
    if not confusions:
        return
    for utterance, kind, found in report.confusions[: None if show_all else 40]:
        where = "" if utterance.at == "accueil:menu" else f" @ {utterance.at}"
        print(f"  « {utterance.text} »{where}: expected {utterance.expect}, got {kind}"
              f" {' | '.join(found)}")


def off_topic_line(report: Report) -> str:
    nothing = report.nothing
    return (f"labelled aucun ({sum(nothing.values())}): off-topic {nothing['off-topic']},"
            f" a place {nothing['a place']}, not understood {nothing['not understood']};"
            f" labelled with a place, answered off-topic: {report.place_off_topic}")


def median_us(engine: Engine, utterances: list[Utterance], repeats: int) -> float:
    timings(engine, utterances, 1)  # first pass: nothing is cached anyway, but warm the code
    return statistics.median(timings(engine, utterances, repeats)) * 1e6


def cpu_mean_us(engine: Engine, utterances: list[Utterance], repeats: int) -> float:
    """Processor time per utterance, the mean (long texts and two requests in one message
    weigh in it): the process's own time, which a busy shared host blurs much less than
    the wall-clock samples; the garbage collector set as `coach serve` sets it."""
    records = [record_at(engine, u) for u in utterances]
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000)
    start = time.process_time()
    for _ in range(repeats):
        for utterance, record in zip(utterances, records, strict=True):
            engine.understand(record, utterance.text)
    return (time.process_time() - start) / (repeats * len(utterances)) * 1e6


def timing_only(repeats: int, visible: bool) -> None:
    """Child of --compare: the median and the processor mean of this process's code, as
    one JSON line."""
    engine = Engine(load_content())
    later = [*DEV_SETS.values()] if visible else [BLIND, BLIND2]
    utterances = load_utterances() + [u for path in later for u in load_utterances(path)]
    median = median_us(engine, utterances, repeats)
    print(json.dumps({"median_us": median,
                      "cpu_mean_us": cpu_mean_us(engine, utterances, repeats)}))


def compare(tree: str, rounds: int, repeats: int, visible: bool) -> None:
    """Before/after in the same run: alternate child processes running TREE's code and ours."""
    here = str(Path(__file__).resolve().parents[1])
    found: dict[str, list[float]] = {tree: [], here: []}
    means: dict[str, list[float]] = {tree: [], here: []}
    for _round in range(rounds):
        for code in (tree, here):
            env = dict(os.environ, NLU_BENCH_CODE=code, PYTHONPATH=code)
            command = [sys.executable, __file__, "--timing-only", "--repeats", str(repeats),
                       *(["--visible"] if visible else [])]
            out = subprocess.run(command, env=env, check=True, capture_output=True,
                                 text=True).stdout
            figures = json.loads(out.strip().splitlines()[-1])
            found[code].append(figures["median_us"])
            means[code].append(figures["cpu_mean_us"])
    before, after = statistics.median(found[tree]), statistics.median(found[here])
    sets = "tuned and development sets" if visible else "tuned and first two blind sets"
    print(f"{sets}: median per utterance, {rounds} alternating rounds (median of the rounds'"
          " medians):"
          f" {tree}: {before:.0f} µs {[round(v) for v in found[tree]]};"
          f" {here}: {after:.0f} µs {[round(v) for v in found[here]]};"
          f" after/before {after / before:.2f}")
    before, after = statistics.median(means[tree]), statistics.median(means[here])
    ratios = [a / b for b, a in zip(means[tree], means[here], strict=True)]
    print(f"processor time per utterance, mean (median of the rounds):"
          f" {tree}: {before:.0f} µs {[round(v) for v in means[tree]]};"
          f" {here}: {after:.0f} µs {[round(v) for v in means[here]]};"
          f" after/before {statistics.median(ratios):.2f}"
          f" (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--visible", action="store_true",
                        help="score and print the tuned and development sets only (no blind"
                        " figure at all): for those who tune")
    parser.add_argument("--all", action="store_true",
                        help="print every confusion (tuned and development sets)")
    parser.add_argument("--compare", metavar="TREE", help="time TREE's code against this one")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timing-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.timing_only:
        timing_only(args.repeats, args.visible)
        return
    if args.compare:
        compare(args.compare, args.rounds, args.repeats, args.visible)
        return
    content = load_content()
    start = time.perf_counter()
    engine = Engine(content)
    engine_build = time.perf_counter() - start
    from coach.engine.nlu import teaching
    from coach.engine.understand import Understanding

    teaching._MODELS.clear()  # the examples' model is built again, as at start-up
    start = time.perf_counter()
    Understanding(content)
    index_build = time.perf_counter() - start
    tuned = load_utterances()
    devs = {name: load_utterances(path) for name, path in DEV_SETS.items()}
    wrong = unknown_places(content, tuned + [u for dev in devs.values() for u in dev])
    if wrong:
        raise SystemExit("places that do not exist:\n" + "\n".join(wrong))
    report = evaluate(engine, tuned)
    print_report("tuned set (dialogues/exemples/reglage.yaml)", report, tuned, args.all)
    print(apart(engine, UTTERANCES, tuned)[0])
    later = evaluate(engine, [u for u in tuned if u.held_out])
    if later.total:
        print(f"second batch (held_out, {later.total}): top-1 {later.rate(later.top1):.1%},"
              f" top-3 {later.rate(later.top3):.1%}")
    dev_reports = {}
    unseen = Report()  # every development set read by a model learned without it
    for name, dev in devs.items():
        dev_reports[name] = evaluate(engine, dev)
        print_report(f"development set (dialogues/exemples/{DEV_SETS[name].name}, visible,"
                     f" written {DEV_WRITTEN[name]})", dev_reports[name], dev, args.all)
        line, learned_without = apart(engine, DEV_SETS[name], dev)
        print(line)
        unseen.total += learned_without.total
        unseen.top1 += learned_without.top1
        unseen.go_right += learned_without.go_right
        unseen.kinds.update(learned_without.kinds)
    if unseen.total:
        print(f"CROSS-VALIDATED top-1 over the {len(devs)} development sets (each read by the"
              f" examples' model learned without it): {unseen.rate(unseen.top1):.2%}"
              f" ({unseen.total}); « go » {unseen.kinds['go']}, right"
              f" {unseen.go_right / max(unseen.kinds['go'], 1):.1%}")
    summary = (f"SUMMARY top-1: tuned {report.rate(report.top1):.1%} ({report.total}),"
               + ",".join(f" {name} {dev.rate(dev.top1):.1%} ({dev.total})"
                          for name, dev in dev_reports.items()))
    if args.visible:
        print(summary + " (--visible: the blind sets are not read)")
        utterances = tuned + [u for dev in devs.values() for u in dev]
        sets = "tuned and development sets"
    else:
        print(summary + "; " + blind_summary(engine, tuned, args.all))
        utterances = tuned + load_utterances(BLIND) + load_utterances(BLIND2)
        sets = "tuned and first two blind sets"
    timings(engine, utterances, 1)  # first pass: nothing is cached anyway, but warm the code
    cold = timings(engine, utterances, 1)
    samples = timings(engine, utterances, args.repeats)
    samples.sort()
    mean = statistics.fmean(samples)
    median = statistics.median(samples)
    p99 = samples[int(len(samples) * 0.99) - 1]
    print(f"index build: {index_build * 1000:.0f} ms (whole engine: {engine_build * 1000:.0f} ms)")
    print(f"understanding one utterance ({sets}, real content): median {median * 1e6:.0f} µs,"
          f" mean {mean * 1e6:.0f} µs, p99 {p99 * 1e6:.0f} µs over {len(samples)} runs"
          f" (single pass mean {statistics.fmean(cold) * 1e6:.0f} µs)")


def apart(engine: Engine, path: Path, utterances: list[Utterance]) -> tuple[str, Report]:
    """The set's top-1 with the rules alone, and with the examples' model learned without
    this file (a cross-validation: the model never saw these sentences), per group too; the
    figure above is the coach as shipped, which learned from them. Also that last report,
    added up over the development sets into one cross-validated figure."""
    from coach.engine.nlu.examples import ExampleModel  # not in a tree --compare may time

    understanding = engine.understanding
    shipped = understanding.examples
    scores = {}
    try:
        for name, model in (("rules alone", ExampleModel(understanding.lexicon, [])),
                            ("examples learned without this file",
                             understanding.examples_without(f"dialogues/exemples/{path.name}"))):
            understanding.examples = model
            scores[name] = evaluate(engine, utterances)
    finally:
        understanding.examples = shipped
    learned_without = scores["examples learned without this file"]
    return ("  " + "; ".join(f"{name}: top-1 {r.rate(r.top1):.1%}, top-3 {r.rate(r.top3):.1%}"
                             for name, r in scores.items())
            + "\n  examples learned without this file, " + off_topic_line(learned_without),
            learned_without)


def blind_summary(engine: Engine, tuned: list[Utterance], show_all: bool) -> str:
    """Score the blind sets and print their aggregates only (never an utterance or a
    per-utterance result); return their part of the summary line."""
    parts = []
    for name, path in BLIND_SETS.items():
        utterances = load_utterances(path)
        report = evaluate(engine, utterances)
        print_report(f"{BLIND_TITLES[name]} set (tests/data/{path.name}, never tuned against)",
                     report, utterances, show_all, confusions=False)
        part = f"{BLIND_TITLES[name]} {report.rate(report.top1):.1%} ({report.total})"
        if name == "blind":
            known = {u.text.casefold() for u in tuned}
            apart = evaluate(engine, [u for u in utterances if u.text.casefold() not in known])
            part += (f"; blind without the texts also in the tuned set"
                     f" {apart.rate(apart.top1):.1%} ({apart.total})")
        parts.append(part)
    return "; ".join(parts)


if __name__ == "__main__":
    main()
