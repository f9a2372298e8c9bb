"""Merging, publishing, validating and loading the data package."""
