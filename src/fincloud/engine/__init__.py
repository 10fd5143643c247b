"""The decision engine: pure functions, one module per step of the guide's procedure (그림1)."""

from fincloud.engine.assess import Evidence, assess

__all__ = ["Evidence", "assess"]
