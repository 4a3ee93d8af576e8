"""Language knowledge lives once, in rules/: every key of every rules file is read by the code,
every rules table is loaded, and no Vietnamese word list of more than a few words hides in a
.py literal (a list, or a regex alternation)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CODE = sorted((ROOT / "pipeline").rglob("*.py")) + sorted((ROOT / "scripts").glob("*.py"))
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in CODE)
VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)
MAX_WORDS_IN_CODE = 3  # "more than a few words" belongs in a rules file
# The scorer repeats ../shared/tools/score.py's matching rules on purpose (the contract's own
# words; test_scoring checks it gives the same figures): they are GOLD.md's, not the extractors'.
EXEMPT = {ROOT / "pipeline" / "scoring.py"}


def _rules_yaml():
    return sorted((ROOT / "rules").glob("*.yaml"))


@pytest.mark.parametrize("path", _rules_yaml(), ids=lambda p: p.name)
def test_every_key_of_a_rules_file_is_read(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert path.name in SOURCE, f"{path.name} is never loaded"
    if not isinstance(data, dict):
        return
    unread = [key for key in data if not re.search(r"""["']%s["']""" % re.escape(str(key)), SOURCE)]
    assert not unread, f"{path.name}: keys no code reads: {unread}"


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.csv")), ids=lambda p: p.name)
def test_every_rules_table_is_loaded(path):
    assert path.name in SOURCE or path.stem in SOURCE, f"{path.name} is never loaded"


def _vietnamese_alternatives(pattern: str) -> int:
    return sum(1 for part in pattern.split("|") if VIETNAMESE.search(part))


def word_lists_in_code(path: Path) -> list[tuple[int, str]]:
    """(line, what) of each literal in `path` that lists more than MAX_WORDS_IN_CODE Vietnamese words."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = [e.value for e in node.elts
                     if isinstance(e, ast.Constant) and isinstance(e.value, str) and VIETNAMESE.search(e.value)]
            if len(words) > MAX_WORDS_IN_CODE:
                found.append((node.lineno, f"list of {len(words)}: {words[:4]}"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _vietnamese_alternatives(node.value) > MAX_WORDS_IN_CODE:
                found.append((node.lineno, f"alternation: {node.value[:60]}"))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if _vietnamese_alternatives(text) > MAX_WORDS_IN_CODE:
                found.append((node.lineno, f"alternation: {text[:60]}"))
    return found


@pytest.mark.parametrize("path", [p for p in CODE if p not in EXEMPT], ids=lambda p: str(p.relative_to(ROOT)))
def test_no_vietnamese_word_list_in_code(path):
    assert word_lists_in_code(path) == []


@pytest.mark.parametrize("source, count", [
    ('WORDS = ["sáng", "chiều", "tối", "trưa"]', 1),
    ('PATTERN = r"(?:sáng|chiều|tối|trưa)"', 1),
    ('PATTERN = r"(?:sáng|chiều|tối)"', 0),  # a few words may stay beside the code that uses them
    ('CODES = ["NQ", "CT", "QĐ", "KH", "TB"]', 0),  # no Vietnamese letters: symbols, not words
])
def test_the_guard_sees_word_lists(tmp_path, source, count):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert len(word_lists_in_code(path)) == count
