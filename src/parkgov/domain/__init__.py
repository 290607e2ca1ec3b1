"""Pure domain code: entities, value objects and rules. No I/O."""
