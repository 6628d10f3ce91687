from pathlib import Path

from tests.toegang.rollen_doc import markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rollen.md"


def test_docs_rollen_is_actueel():
    assert DOC.read_text(encoding="utf-8") == markdown(), (
        "docs/rollen.md is out of date: run `python -m tests.toegang.rollen_doc > docs/rollen.md`"
    )
