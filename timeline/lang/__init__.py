"""Language data for the time grammar: one module per language, vocabulary as data, no code paths.

The grammar (``timeline.temporal``) reads only these tables, so adding a language or a word is
a data change (dateparser's layout: ``dateparser/data/date_translation_data``).
"""
