"""Attest: quote attribution and fact-tracking database for newsrooms."""

__version__ = "0.1.0"
