"""HTTP routes of the practice context."""
