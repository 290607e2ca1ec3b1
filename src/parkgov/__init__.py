"""parkgov: the yearly plan-dispatch-supervise-report loop of a development zone."""

__version__ = "0.1.0"
