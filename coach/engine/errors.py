"""Errors the engine raises for the edges to turn into answers a person can act on."""


class UnknownChoice(Exception):
    def __init__(self, choice: str) -> None:
        self.choice = choice
        super().__init__(choice)


class UnknownFlow(Exception):
    def __init__(self, flow: str) -> None:
        self.flow = flow
        super().__init__(flow)
