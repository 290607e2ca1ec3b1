"""Documents in: readers, the grammar of Chinese figures, and extractors."""
