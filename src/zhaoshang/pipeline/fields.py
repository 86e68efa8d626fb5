"""Where normalized values live on a spaCy Doc.

Each entity or layer-2 span gets its SCHEMA fields as a dict in the Span
extension ``zs_fields``; layer-2 spans (PROJECT, TARGET) are in
``doc.spans[LAYER2_KEY]``.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span

LAYER2_KEY: Final = "zs_layer2"

if not Span.has_extension("zs_fields"):
    Span.set_extension("zs_fields", default=None)
