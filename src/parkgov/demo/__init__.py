"""Demo data: fictional parks, their documents with ground truth, and the demo database build."""
