"""Hypothesis profiles for the domain tests: ``--hypothesis-profile=thorough`` runs many more examples."""
from __future__ import annotations

from hypothesis import settings

settings.register_profile("thorough", max_examples=2000, deadline=None)
