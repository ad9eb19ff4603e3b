"""Anonymous impact figures: counters, never texts, never who.

`events` says what a conversation step counts, `buffer` keeps the increments in memory
and writes them in one go every few seconds, `report` turns stored counters into the
dashboard's figures. See docs/tableau-de-bord.md.
"""
