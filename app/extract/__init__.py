"""Pure text processing: passages, names and the quote engine. No database, no web imports."""
