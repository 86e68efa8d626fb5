"""spaCy pipeline pieces: registered components, the corpus reader and the
project suggester. Registered through ``spacy_factories``/``spacy_misc``/
``spacy_readers`` entry points, so loading a pipeline needs no import first."""
