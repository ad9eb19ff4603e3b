"""Errors the engine raises for the edges to turn into answers a person can act on."""


class UnknownChoice(Exception):
    def __init__(self, choice: str) -> None:
        self.choice = choice
        super().__init__(choice)


class UnknownFlow(Exception):
    def __init__(self, flow: str) -> None:
        self.flow = flow
        super().__init__(flow)


class KeyReusedForAnotherInput(Exception):
    """An Idempotency-Key seen before, sent again with a different choice or text: not a
    retry of the same request, so its step must not be replayed."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__("idempotency key reused")
