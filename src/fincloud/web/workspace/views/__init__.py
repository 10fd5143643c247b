"""Workspace pages, one module per part: dashboard, workloads, providers, files, portfolio files."""
