"""Reading a labelled corpus laid out as GUIDELINES section 1.

    <corpus>/articles/<id>.txt    the article text, UTF-8
    <corpus>/gold/<id>.json       its labels (an ArticleRecord without provenance)

Every problem is reported with the file, the JSON path and the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas import RecordBase, record_model


class CorpusError(ValueError):
    """A corpus file that cannot be used; the message names the file, the JSON path and why."""

    def __init__(self, path: Path | str, reason: str, json_path: str | None = None):
        self.path = str(path)
        self.json_path = json_path
        self.reason = reason
        where = f"{self.path}: {json_path}" if json_path else self.path
        super().__init__(f"{where}: {reason}")


@dataclass
class LabelledArticle:
    id: str
    text: str
    gold: RecordBase
    article_path: Path
    gold_path: Path


@dataclass
class Corpus:
    root: Path
    articles: list[LabelledArticle] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)  # article ids without a gold file


def json_path(loc: tuple[str | int, ...]) -> str:
    """A pydantic error location as a JSON path: ("dates", 3, "value") -> $.dates[3].value."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(path, f"not UTF-8 at byte {error.start} ({error.reason})") from None


def load_json(path: Path) -> Any:
    """A JSON document; every way it can be unreadable is one CorpusError (never a traceback)."""
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise CorpusError(path, f"invalid JSON: {error.msg}", f"line {error.lineno} column {error.colno}") from None
    except RecursionError:
        raise CorpusError(path, "invalid JSON: nested too deeply") from None
    except ValueError as error:  # an integer of more digits than Python converts (4,300)
        raise CorpusError(path, f"invalid JSON: {str(error).split(':')[0]}") from None


def lone_surrogate(value: Any, loc: str = "$") -> str | None:
    """The JSON path of the first string holding a lone surrogate ("\\udfff"), which no UTF-8
    file can hold: such a label could not be written back out."""
    if isinstance(value, str):
        return loc if any("\ud800" <= ch <= "\udfff" for ch in value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and lone_surrogate(key):
            return loc
        found = lone_surrogate(item, f"{loc}[{key}]" if isinstance(key, int) else f"{loc}.{key}")
        if found:
            return found
    return None


def read_gold(path: Path, text: str | None = None) -> RecordBase:
    """One gold file, validated; CorpusError names the JSON path of the first problems.

    With the article's ``text``, item offsets are checked against it (inside the text, and
    ``text[start:end]`` equal to the item's text).
    """
    data = load_json(path)
    if not isinstance(data, dict):
        raise CorpusError(path, f"a gold file holds a JSON object, not {type(data).__name__}", "$")
    where = lone_surrogate(data)
    if where:
        raise CorpusError(path, "a string holds a lone surrogate (not valid Unicode text)", where)
    try:
        gold = record_model().model_validate(data, context={"text": text} if text is not None else None)
    except ValidationError as error:
        problems = error.errors(include_url=False)
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CorpusError(path, f"{first['msg']}{more}", json_path(tuple(first["loc"]))) from None
    if gold.id is not None and gold.id != path.stem:
        raise CorpusError(path, f"id {gold.id!r} does not match the file name {path.stem!r}", "$.id")
    return gold


def read_corpus(root: Path | str) -> Corpus:
    """All labelled articles of a corpus directory, in id order."""
    root = Path(root)
    articles_dir, gold_dir = root / "articles", root / "gold"
    for folder in (articles_dir, gold_dir):
        if not folder.is_dir():
            raise CorpusError(folder, "missing directory (a corpus holds articles/ and gold/)")
    texts = {p.stem: p for p in articles_dir.glob("*.txt")}
    golds = {p.stem: p for p in gold_dir.glob("*.json")}
    orphans = sorted(set(golds) - set(texts))
    if orphans:
        raise CorpusError(gold_dir / f"{orphans[0]}.json", f"no article {orphans[0]}.txt in {articles_dir}")
    corpus = Corpus(root=root, unlabelled=sorted(set(texts) - set(golds)))
    for ident in sorted(set(texts) & set(golds)):
        text = read_text(texts[ident])
        corpus.articles.append(LabelledArticle(ident, text, read_gold(golds[ident], text), texts[ident], golds[ident]))
    return corpus
