"""The examples in the README and in the docstrings run as written."""

from __future__ import annotations

import doctest
import inspect
from pathlib import Path

import pci_redact

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


def test_docstring_examples() -> None:
    result = doctest.testmod(pci_redact, optionflags=doctest.ELLIPSIS)
    # The package docstring and those of the classes defined in Rust.
    assert result.attempted >= 5
    assert result.failed == 0


def test_everything_public_has_a_docstring() -> None:
    for name in pci_redact.__all__:
        obj = getattr(pci_redact, name)
        if name == "__version__":
            continue
        assert (obj.__doc__ or "").strip(), name
        members = vars(obj).items() if isinstance(obj, type) else []
        for attr, member in members:
            public = not attr.startswith("_")
            if public and (callable(member) or inspect.isdatadescriptor(member)):
                assert (member.__doc__ or "").strip(), f"{name}.{attr}"
