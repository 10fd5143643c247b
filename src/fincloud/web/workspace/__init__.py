"""Institution, providers and workloads: the portfolio's facts as people record them."""
