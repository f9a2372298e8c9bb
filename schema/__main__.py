"""Regenerate the README's table overview: python -m diplomatic_events.schema README.md"""

import sys
from pathlib import Path

from .generate import readme_with_overview

target = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
target.write_text(readme_with_overview(target.read_text("utf-8")), "utf-8")
