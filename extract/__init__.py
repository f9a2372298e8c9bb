"""Article text -> candidate records with evidence (needs the [extract] extra)."""
