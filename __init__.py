"""High-level diplomatic engagements extracted from news, as a Frictionless data package."""

__version__ = "0.1.0"
