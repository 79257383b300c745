"""The docs stand alone: every link and every file path they cite resolves inside the repository."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
# A path in backticks: a/b.ext with an extension we keep files under (globs and placeholders aside).
CITED = re.compile(r"`([\w./-]+/[\w.-]+\.(?:py|md|lark|contract|sh|json|toml|asm))`")
PLACEHOLDER = re.compile(r"NAME|DIR|ADDRESS|\*")


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_reference_resolves_inside_the_repository(page):
    text = page.read_text(encoding="utf-8")
    missing = []
    for link in re.findall(r"\]\(([^)#\s]+)", text):
        if "://" not in link and not (page.parent / link).exists():
            missing.append(link)
    for path in CITED.findall(text):
        if not PLACEHOLDER.search(path) and not ((ROOT / path).exists() or (page.parent / path).exists()):
            missing.append(path)
    assert "shared/spec" not in text and not missing, missing
