"""Executing the exit strategy: migration, destruction, report on a change of provider (guide 제9장)."""
