"""Vocabulary every layer shares: enums, errors and their codes, clock, money, text folding, pages, the actor.

Nothing here imports anything else of Tend, so persistence, domain, api and workers can all depend on it."""
