"""JSON Schema files for records and gold files (``extractor schema --out schemas/json``)."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.fields import record_model

SCHEMA_FILES = {
    # what the extractor writes: every key, provenance included
    "article_record.schema.json": lambda: record_model().model_json_schema(mode="serialization"),
    # what a gold file may hold: the same model, provenance optional, unknown keys rejected
    "gold_file.schema.json": lambda: record_model().model_json_schema(mode="validation"),
}


def render(name: str) -> str:
    return json.dumps(SCHEMA_FILES[name](), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_json_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMA_FILES:
        path = out_dir / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written
