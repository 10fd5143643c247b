"""The fincloud web workspace (Django): workflow state around the engine's decisions."""
