"""Presentations of an Assessment: JSON (the stable contract), terminal tables and Markdown."""
