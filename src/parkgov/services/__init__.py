"""Use cases, one transaction each: import, progress, supervision, ranking."""
