"""Corpus tooling: the authoring markup, validation, statistics, the train/dev build
and readers for public NER corpora.

Nothing here is needed by :func:`zhaoshang.parse`; it serves the annotated data
in ``training_data/`` and the ``zhaoshang data`` commands.
"""
