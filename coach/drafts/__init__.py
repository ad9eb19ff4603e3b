"""The coordinator's draft: « Feuille de route » and « Charte de collaboration », pre-filled
with what they answered, with the module's advice beside each part.

`model` builds a `Draft` from a record's variables (pure); `html`, `docx` and `odt` render it.
"""
