"""HTTP routes of the clients context."""
