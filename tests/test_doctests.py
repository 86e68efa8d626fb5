"""Run the docstring examples of the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import zhaoshang

MODULES = sorted(m.name for m in pkgutil.walk_packages(zhaoshang.__path__, "zhaoshang."))


@pytest.mark.parametrize("name", ["zhaoshang", *MODULES])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
