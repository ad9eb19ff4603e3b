"""A person's own answer typed at an `ask:` step: shown back, then kept or written again.

At a step that asks for the person's own words (the draft's answers), a typed text is that
answer unless it plainly names a command or a choice. It is shown back for confirmation,
with three buttons: keep it, write it again, or « C’était une question » (understood as a
question typed at the step, never kept for the draft); the content's phrases
(`typed_answer` of commun.yaml) say the same as these buttons. A text worded as a question
is shown back as « une réponse, ou une question ? ». This module reads and records; going
on once the answer is kept, and reading a question, belong to the typed turns
(`coach.engine.typed_turns`).
"""

from __future__ import annotations

import unicodedata

from coach.content.model import Content
from coach.engine.nlu.french import normal
from coach.engine.nlu.places import CHOICE, COMMAND, GLOSSARY
from coach.engine.record import Record
from coach.engine.understand import Decision, Understanding

# The buttons under a typed answer shown back (`ask:` nodes): keep it, write it again, or
# « C’était une question », understood as a question asked from the step.
KEEP_TYPED = "saisie-garder"
RETYPE = "saisie-reecrire"
TYPED_QUESTION = "saisie-question"
# A typed answer is shown back plainly, or as « une réponse, ou une question ? » when it
# reads as one (it starts so, or ends with « ? ») and the understanding leads it somewhere.
CONFIRM, CONFIRM_QUESTION = "saisie-confirmer", "saisie-confirmer-question"
QUESTION_STARTS = ("comment", "pourquoi", "c est quoi", "qu est ce", "est ce que", "quel",
                   "quelle", "quels", "quelles", "combien", "quand", "ou", "qui", "a quoi",
                   "que veut dire", "ca veut dire")
# At an `ask:` node, a typed text is a choice or a command only when it says one plainly.
ASK_PLAIN_SCORE = 0.97


def printable(text: str) -> str:
    """The typed text on one line, without control characters (the draft's DOCX and ODT
    are XML, which refuses them); everything else is kept as typed."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs", "Cn")
                   or ch.isspace())
    return " ".join(kept.split())


def looks_like_question(text: str) -> bool:
    """« c koi un ambassadeur », « comment on évalue », « … ? »: worded as a question."""
    said = normal(text)
    return text.rstrip().endswith("?") or any(
        said == start or said.startswith(start + " ") for start in QUESTION_STARTS)


class TypedAnswers:
    """The typed answers of `ask:` steps, as the typed turns read them."""

    def __init__(self, content: Content, understanding: Understanding) -> None:
        self.content = content
        self.understanding = understanding
        typed = content.common.typed_answer
        self._said_keep, self._said_retype, self._said_question = (
            frozenset(normal(p) for p in phrases)
            for phrases in (typed.keep, typed.retype, typed.question))

    def said_instead(self, record: Record, text: str) -> str | None:
        """With an answer shown back, the button a text says instead of pressing it
        (« oui je garde », « non », « c'était une question »): KEEP_TYPED, RETYPE or
        TYPED_QUESTION; None for any other text, or with no answer shown back."""
        if not record.proposal:
            return None
        said = normal(text)
        if said in self._said_keep:
            return KEEP_TYPED
        if said in self._said_retype:
            return RETYPE
        if said in self._said_question:
            return TYPED_QUESTION
        return None

    def show_back(self, record: Record, variable: str, text: str, decision: Decision) -> bool:
        """The person's own answer to the step's `variable`, shown back for confirmation. A
        text that plainly names a command or a choice (or a term) is not an answer: False,
        and the text is read as typed anywhere."""
        best = decision.best
        if (decision.kind == "go" and best is not None and best.score >= ASK_PLAIN_SCORE
                and best.key.startswith((COMMAND, CHOICE))) or (
                decision.kind == "go" and best is not None and best.key.startswith(GLOSSARY)
        ) or self.understanding.names_command(text, decision):
            # a command said plainly (« afficher mon brouillon »): done, and the step waits
            record.proposal = []
            return False
        answer = printable(text)
        if not answer:
            return False
        record.misses = 0
        record.proposal = [variable, answer]
        asked = (decision.kind in ("go", "ask") and looks_like_question(answer)
                 and CONFIRM_QUESTION in self.content.system)
        record.transcript.append(["coach", CONFIRM_QUESTION if asked else CONFIRM,
                                  {"texte": answer}])
        return True

    def settle(self, record: Record, proposal: list[str], keep: bool) -> bool:
        """Keep the answer shown back (`proposal`: its variable and text), or invite to
        write it again. True when it was kept: the step then goes on as its `ask:` says."""
        node = self.content.node_or_none((record.flow, record.node))
        if not keep or node is None or node.ask is None or len(proposal) != 2:
            record.transcript.append(["coach", "saisie-reecrire-invite"])
            return False
        variable, answer = proposal
        record.snapshot()
        record.answers[variable] = answer
        record.vars[variable] = "libre"
        record.transcript.append(["coach", "saisie-gardee"])
        return True
