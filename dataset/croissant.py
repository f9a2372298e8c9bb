"""Describe a data package as Croissant 1.0 JSON-LD (for dataset search engines and ML tools)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .citation import bibtex
from .load import safe_path

CROISSANT_FILE = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"

# The standard Croissant 1.0 context, as published with the specification's examples.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

DATA_TYPES = {"string": "sc:Text", "date": "sc:Date", "integer": "sc:Integer",
              "number": "sc:Float", "boolean": "sc:Boolean"}
ENCODINGS = {"csv": "text/csv", "parquet": "application/x-parquet"}


def _sha256(res: dict[str, Any]) -> str:
    algo, _, digest = str(res.get("hash", "")).rpartition(":")
    if algo != "sha256" or not digest:
        raise ValueError(f"resource {res.get('name')!r} has no sha256 hash")
    return digest


def _file_object(res: dict[str, Any], package_dir: Path) -> dict[str, Any]:
    safe_path(package_dir, res.get("path"))
    return {
        "@type": "cr:FileObject",
        "@id": res["path"],
        "name": res["path"],
        "description": f"{res.get('title', res['name'])} ({res['format']})",
        "contentUrl": res["path"],
        "encodingFormat": ENCODINGS.get(res["format"], res.get("mediatype", "application/octet-stream")),
        "sha256": _sha256(res),
    }


def _field(table: str, f: dict[str, Any], file_id: str, refs: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table}/{f['name']}",
        "name": f"{table}/{f['name']}",
        "description": f.get("description", f["name"]),
        "dataType": DATA_TYPES[f["type"]],
        "source": {"fileObject": {"@id": file_id}, "extract": {"column": f["name"]}},
    }
    if f["name"] in refs:
        out["references"] = {"field": {"@id": refs[f["name"]]}}
    return out


def _record_set(res: dict[str, Any]) -> dict[str, Any]:
    table, schema = res["name"], res["schema"]
    refs = {fk["fields"][0]: f"{fk['reference']['resource']}/{fk['reference']['fields'][0]}"
            for fk in schema.get("foreignKeys", [])}
    out: dict[str, Any] = {
        "@type": "cr:RecordSet",
        "@id": table,
        "name": table,
        "description": res.get("description", table),
        "field": [_field(table, f, res["path"], refs) for f in schema["fields"]],
    }
    key = schema.get("primaryKey") or []
    if key:
        out["key"] = [{"@id": f"{table}/{k}"} for k in key]
    return out


def _license(descriptor: dict[str, Any]) -> str:
    licenses = descriptor.get("licenses") or [{}]
    return licenses[0].get("path") or licenses[0].get("name", "")


def croissant(descriptor: dict[str, Any], package_dir: Path) -> dict[str, Any]:
    """Return the Croissant 1.0 JSON-LD of a package: its files and one record set per CSV table."""
    tables = [r for r in descriptor["resources"] if r.get("format") in ENCODINGS]
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": descriptor["name"],
        "description": descriptor.get("description", descriptor.get("title", "")),
        "license": _license(descriptor),
        "url": descriptor.get("homepage", ""),
        "version": descriptor["version"],
        "citeAs": bibtex(descriptor),
        "keywords": descriptor.get("keywords", []),
        "creator": [{"@type": "sc:Organization", "name": c["title"]} for c in descriptor.get("contributors", [])],
        "distribution": [_file_object(r, Path(package_dir)) for r in tables],
        "recordSet": [_record_set(r) for r in tables if r["format"] == "csv"],
    }
    if descriptor.get("created"):
        out["datePublished"] = descriptor["created"][:10]
    return out
