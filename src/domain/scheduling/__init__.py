"""The scheduling context: appointments, recurring series, conflicts."""
