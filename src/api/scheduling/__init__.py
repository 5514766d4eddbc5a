"""HTTP routes of the scheduling context."""
