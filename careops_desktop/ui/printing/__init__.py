"""Printing with Qt's own PDF writer (QPdfWriter + QPainter, no widgets): report PDFs and
the reception-desk poster. Here, under ui/, because it is the only part of exporting that
needs Qt; ``careops report --format pdf`` reaches it through the CLI.
"""
