"""Documents out: Word bulletins and summaries, Excel ledgers, charts."""
