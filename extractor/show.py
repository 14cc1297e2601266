"""An article as a standalone HTML page, every extracted item highlighted by field.

The highlights are drawn by spaCy's displaCy span renderer: every field at once, items
that overlap stacked. Each highlight carries its field (``data-field``) and its normalised
value (``title``, shown on hover; a percentage or count also says what it measures:
"85.7 — capaian SPM, 2024-Q2, Kota Mojokerto")::

    doc, record = analyse(text, published="2024-09-25")
    page = render_html(doc, record)

or ``extractor show article.txt --html article.html``.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from spacy import displacy
from spacy.tokens import Doc, Span

from extractor.doc_article import doc_text
from extractor.inputs import ArticleInput, coerce_date
from extractor.pipeline import Pipeline, record_from_doc, shared_pipeline
from schemas import RecordBase, field_schema, field_schemas

SPANS_KEY = "extractor"
"""The span group holding every field's items (label = field), for displaCy or your own use."""


@dataclass(slots=True)
class Highlight:
    span: Span  # label_ is the field
    title: str  # the item's normalised value


def item_title(field: str, item: Any) -> str:
    """An item's normalised value, as the hover text of its highlight (the field's ``describe``)."""
    return field_schema(field).describe(item)


def _ranges(item: Any) -> Iterator[tuple[int, int]]:
    # an item's own offsets, or (officials, awards) those of each name mention
    if getattr(item, "start", None) is not None:
        yield item.start, item.end
    for mention in getattr(item, "mentions", ()):
        if mention.start is not None:
            yield mention.start, mention.end


def highlights(doc: Doc, record: RecordBase) -> list[Highlight]:
    """A highlight per item (per mention for officials and awards), in field order; the spans
    are also left on ``doc.spans[SPANS_KEY]``."""
    found = []
    for schema in field_schemas():
        field = schema.name
        for item in getattr(record, field):
            title = schema.describe(item)
            for start, end in _ranges(item):
                span = doc.char_span(start, end, label=field, alignment_mode="expand")
                if span is not None and len(span):
                    found.append(Highlight(span, title))
    doc.spans[SPANS_KEY] = [h.span for h in found]
    return found


# displaCy span templates. displaCy fills a bar only with its colour ({bg}) and a start with
# its colour and label, so each highlight goes in as a numeric key (as its label, and as its
# own colour); _with_values then swaps the key for the field and the title. The colours come
# from the page's CSS, per field.
_TEMPLATES = {
    "span": '<span class="extractor-token" style="height: {total_height}px">{text}{span_slices}{span_starts}</span>',
    "slice": '<span class="extractor-bar" data-item="{bg}" style="top: {top_offset}px; --top: {top_offset}px"></span>',
    "start": (
        '<span class="extractor-bar extractor-start" data-item="{bg}" style="top: {top_offset}px; --top: {top_offset}px">'
        '<span class="extractor-label">{label}</span></span>'
    ),
}
_ITEM_KEY = re.compile(r'data-item="(\d+)"')
_LABEL_KEY = re.compile(r'<span class="extractor-label">(\d+)</span>')
_LINE_BREAK = re.compile(r"\n")
_GLUE = "\ue000"  # a private-use character (not used when the text holds it)


def _line_breaks(text: str, marks: list[Highlight]) -> list[int]:
    """Offsets of the line breaks that are not inside a highlight."""
    covered: list[tuple[int, int]] = []  # the highlights' character ranges, merged
    for start, end in sorted((h.span.start_char, h.span.end_char) for h in marks):
        if covered and start <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(end, covered[-1][1]))
        else:
            covered.append((start, end))
    starts = [start for start, _ in covered]
    breaks = []
    for match in _LINE_BREAK.finditer(text):
        at = bisect_right(starts, match.start()) - 1
        if at < 0 or match.start() >= covered[at][1]:
            breaks.append(match.start())
    return breaks


def _chunks(text: str, marks: list[Highlight], glue: bool) -> list[dict[str, Any]]:
    """displaCy's manual input: one dict per line of the text (so that paragraphs stay apart),
    its "tokens" the pieces of text between highlight boundaries.

    displaCy puts a space after each of its tokens outside highlights; cutting the text only
    where a highlight starts or ends (rather than at every token) keeps the text as written,
    and where such a piece ends without white space, _GLUE marks the space to take out.
    """
    by_start = sorted((h.span.start_char, h.span.end_char, key) for key, h in enumerate(marks))
    starts = [start for start, _, _ in by_start]
    chunks = []
    breaks = _line_breaks(text, marks)
    for first, stop in zip([0, *(i + 1 for i in breaks)], [*breaks, len(text)]):
        if not text[first:stop].strip():
            continue
        inside = by_start[bisect_left(starts, first) : bisect_left(starts, stop)]
        cuts = sorted({first, stop, *(start for start, _, _ in inside), *(end for _, end, _ in inside)})
        index = {offset: i for i, offset in enumerate(cuts)}
        spans = [{"start_token": index[start], "end_token": index[end], "label": str(key)} for start, end, key in inside]
        tokens = [text[a:b] for a, b in pairwise(cuts)]
        highlighted = {i for span in spans for i in range(span["start_token"], span["end_token"])}
        for i, token in enumerate(tokens[:-1]):
            if glue and i not in highlighted and not token[-1].isspace():
                tokens[i] = token + _GLUE  # "(" right before a highlight: no space after it
        chunks.append({"text": text[first:stop], "tokens": tokens, "spans": spans})
    return chunks


def _with_values(markup: str, marks: list[Highlight]) -> str:
    def attributes(match: re.Match[str]) -> str:
        mark = marks[int(match.group(1))]
        return f'data-field="{mark.span.label_}" title="{html.escape(mark.title)}"'

    def label(match: re.Match[str]) -> str:
        return f'<span class="extractor-label">{field_schema(marks[int(match.group(1))].span.label_).label}</span>'

    return _LABEL_KEY.sub(label, _ITEM_KEY.sub(attributes, markup))


def render_spans(doc: Doc, record: RecordBase) -> str:
    """The article's text as HTML, every item of ``record`` highlighted (no page around it)."""
    marks = highlights(doc, record)
    text = doc_text(doc)
    glue = _GLUE not in text
    keys = {str(key): str(key) for key in range(len(marks))}
    markup = displacy.render(
        _chunks(text, marks, glue),
        style="span",
        manual=True,
        jupyter=False,
        options={"colors": keys, "template": _TEMPLATES},
    )
    return _with_values(markup.replace(_GLUE + " ", "") if glue else markup, marks)


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
header h1 { font-size: 1.3em; margin-bottom: 0.2em; }
header p, .legend, .warnings { font-size: 0.9em; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1em; }
.swatch { display: inline-block; width: 1em; height: 1em; border-radius: 3px; vertical-align: middle; }
.warnings { background: #fff4e5; border-left: 4px solid #f0a030; padding: 0.5em 1em; }
.spans { line-height: 2.5; margin-bottom: 1em; }
.extractor-token { font-weight: bold; display: inline-block; position: relative; }
.extractor-bar { position: absolute; left: -1px; width: calc(100% + 2px); height: 4px; }
/* hovering the word above a bar shows the bar's title too */
.extractor-bar::before { content: ""; position: absolute; left: 0; right: 0; bottom: 100%; height: var(--top); }
.extractor-start { border-top-left-radius: 3px; border-bottom-left-radius: 3px; }
.extractor-label { position: absolute; top: -0.5em; z-index: 10; padding: 2px 3px; font-size: 0.6em;
  line-height: 1; border-radius: 3px; color: #000; background: inherit; white-space: nowrap; }
"""


def _page_css() -> str:
    colours = "".join(f'[data-field="{schema.name}"] {{ background: {schema.colour}; }}\n' for schema in field_schemas())
    return _CSS + colours


def render_html(doc: Doc, record: RecordBase | None = None) -> str:
    """A standalone HTML page of a Doc processed by the Pipeline: a header (id, published date,
    items per field), a legend of the field colours, the record's warnings if any, and the
    text with every item highlighted. ``record`` defaults to the one the Doc carries."""
    if record is None:
        record = record_from_doc(doc)
    esc = html.escape
    article_id = record.id or "article"
    fields = [schema.name for schema in field_schemas()]
    counts = ", ".join(f'<span data-count="{field}">{field} {len(getattr(record, field))}</span>' for field in fields)
    legend = "".join(
        f'<li><span class="swatch" data-field="{field}"></span> {field_schema(field).label} ({field})</li>' for field in fields
    )
    warnings = ""
    if record.warnings:
        warnings = (
            '<section class="warnings"><strong>Warnings</strong><ul>'
            + "".join(f"<li>{esc(warning)}</li>" for warning in record.warnings)
            + "</ul></section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(article_id)}</title>\n<style>{_page_css()}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{esc(article_id)}</h1>\n"
        f"<p>published: {esc(str(record.published)) if record.published else 'not given'}</p>\n"
        f'<p class="counts">items: {counts}</p>\n</header>\n'
        f'<ul class="legend">{legend}</ul>\n{warnings}\n'
        f"<article>\n{render_spans(doc, record)}\n</article>\n</body>\n</html>\n"
    )


def analyse(
    text: str, published: Any = None, id: str | None = None, pipeline: Pipeline | None = None
) -> tuple[Doc, RecordBase]:
    """The processed Doc of an article and its record (ValueError for a bad published date)."""
    pipeline = pipeline or shared_pipeline()
    article = ArticleInput(text=text, id=id, published=coerce_date(published))
    doc = pipeline.nlp(pipeline.make_doc(article))
    return doc, record_from_doc(doc, article)
