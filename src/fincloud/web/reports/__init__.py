"""Report packages, FSS submissions and their deadlines, attachments kept current (guide 제8장)."""
