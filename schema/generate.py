"""Derive the Table Schema, the Arrow schema and the docs from the models."""

from __future__ import annotations

from typing import Any

from .models import MODELS, Row

TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"

_ARROW_TYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool", "date": "date32"}


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Return the non-null variant of a JSON Schema property and whether null is allowed."""
    nullable = False
    variants = prop.get("anyOf")
    if variants:
        kept = [v for v in variants if v.get("type") != "null"]
        nullable = len(kept) < len(variants)
        if len(kept) != 1:
            raise TypeError(f"unsupported union in {prop}")
        merged = {k: v for k, v in prop.items() if k != "anyOf"}
        prop = {**kept[0], **merged}
    if "$ref" in prop:
        target = defs[prop["$ref"].rsplit("/", 1)[-1]]
        prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop, nullable


def _field(name: str, prop: dict[str, Any], nullable: bool) -> dict[str, Any]:
    json_type, fmt = prop.get("type"), prop.get("format")
    if json_type == "string" and fmt == "date":
        ts_type = "date"
    elif json_type in ("string", "integer", "number", "boolean"):
        ts_type = json_type
    else:
        raise TypeError(f"field {name!r}: no Table Schema type for {prop}")
    out: dict[str, Any] = {"name": name, "type": ts_type}
    if prop.get("description"):
        out["description"] = prop["description"]
    constraints: dict[str, Any] = {}
    if not nullable:
        constraints["required"] = True
    if "enum" in prop:
        constraints["enum"] = list(prop["enum"])
    if "pattern" in prop:
        constraints["pattern"] = prop["pattern"]
    if "minLength" in prop:
        constraints["minLength"] = prop["minLength"]
    if "minimum" in prop:
        constraints["minimum"] = prop["minimum"]
    if constraints:
        out["constraints"] = constraints
    return out


def fields(model: type[Row]) -> list[dict[str, Any]]:
    """Return the Table Schema fields of a model, in declaration order."""
    js = model.model_json_schema()
    defs = js.get("$defs", {})
    out = []
    for name in model.model_fields:
        prop, nullable = _resolve(js["properties"][name], defs)
        out.append(_field(name, prop, nullable))
    return out


def table_schema(model: type[Row]) -> dict[str, Any]:
    """Return the Frictionless Table Schema (v2) of a model."""
    meta = model.table
    schema: dict[str, Any] = {
        "$schema": TABLE_SCHEMA_PROFILE,
        "fields": fields(model),
        "missingValues": [""],
        "primaryKey": list(meta.primary_key),
    }
    if meta.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [fk.field], "reference": {"resource": fk.table, "fields": [fk.ref]}}
            for fk in meta.foreign_keys
        ]
    return schema


def arrow_schema(model: type[Row]):
    """Return the pyarrow schema of a model (imported lazily: pyarrow is heavy)."""
    import pyarrow as pa

    makers = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(), "date32": pa.date32()}
    cols = []
    for f in fields(model):
        required = f.get("constraints", {}).get("required", False)
        meta = {"description": f["description"]} if "description" in f else None
        cols.append(pa.field(f["name"], makers[_ARROW_TYPES[f["type"]]], nullable=not required, metadata=meta))
    return pa.schema(cols, metadata={"table": model.table.name})


def overview_markdown() -> str:
    """Return the README's table overview: one section per table, one line per field."""
    lines: list[str] = []
    for model in MODELS:
        meta = model.table
        lines.append(f"### `{meta.name}` — {meta.description}")
        lines.append("")
        lines.append("| field | type | required | meaning |")
        lines.append("|---|---|---|---|")
        for f in fields(model):
            c = f.get("constraints", {})
            kind = f["type"] + (f" ({' · '.join(c['enum'])})" if "enum" in c else "")
            key = " (key)" if f["name"] in meta.primary_key else ""
            lines.append(
                f"| `{f['name']}`{key} | {kind} | {'yes' if c.get('required') else ''} | {f.get('description', '')} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
