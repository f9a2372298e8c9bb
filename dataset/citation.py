"""How to cite a data package: CITATION.cff, a one-line reference and BibTeX, from its descriptor."""

from __future__ import annotations

import json
from typing import Any

CITATION_FILE = "CITATION.cff"
CODE_LICENSE = "MIT"


def _authors(desc: dict[str, Any]) -> list[str]:
    names = [c["title"] for c in desc.get("contributors", []) if "creator" in c.get("roles", ["creator"])]
    return names or [desc.get("name", "unknown")]


def _released(desc: dict[str, Any]) -> str | None:
    created = desc.get("created")
    return created[:10] if created else None


def citation(desc: dict[str, Any]) -> dict[str, Any]:
    """Return the Citation File Format (1.2.0) fields of a package, in file order."""
    licenses = desc.get("licenses") or [{}]
    out: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below.",
        "type": "dataset",
        "title": desc.get("title", desc["name"]),
        "version": desc["version"],
        "authors": [{"name": name} for name in _authors(desc)],
        "license": licenses[0].get("name", ""),
        "url": desc.get("homepage", ""),
        "repository-code": desc.get("homepage", ""),
        "keywords": list(desc.get("keywords", [])),
        "abstract": desc.get("description", ""),
    }
    if _released(desc):
        out["date-released"] = _released(desc)
    return {k: v for k, v in out.items() if v not in ("", [])}


def _yaml_scalar(value: Any) -> str:
    # JSON strings are valid YAML scalars and quote everything YAML would misread.
    return json.dumps(value, ensure_ascii=False)


def citation_cff(desc: dict[str, Any]) -> str:
    """Return CITATION.cff text for a package."""
    lines = []
    for key, value in citation(desc).items():
        if key == "authors":
            lines.append("authors:")
            lines += [f"  - name: {_yaml_scalar(a['name'])}" for a in value]
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {_yaml_scalar(v)}" for v in value]
        else:
            lines.append(f"{key}: {_yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


def reference(desc: dict[str, Any]) -> str:
    """Return a one-line reference: authors (year). Title (version X) [Data set]. URL."""
    cff = citation(desc)
    year = cff.get("date-released", "n.d.")[:4]
    authors = "; ".join(a["name"] for a in cff["authors"])
    url = f" {cff['url']}" if cff.get("url") else ""
    return f"{authors} ({year}). {cff['title']} (version {cff['version']}) [Data set].{url}"


def bibtex(desc: dict[str, Any]) -> str:
    """Return a BibTeX @misc entry for a package."""
    cff = citation(desc)
    key = f"{desc['name'].replace('-', '_')}_{cff['version'].replace('.', '_')}"
    fields = {
        "author": " and ".join("{" + a["name"] + "}" for a in cff["authors"]),
        "title": "{" + cff["title"] + "}",
        "year": cff.get("date-released", "")[:4],
        "version": cff["version"],
        "url": cff.get("url", ""),
        "note": f"Data licence {cff.get('license', '')}",
    }
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return f"@misc{{{key},\n{body}\n}}"
