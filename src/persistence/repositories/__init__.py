"""Repositories: the only place that builds queries."""
