"""The practice context: its settings, staff users and catalog (practitioners, services, places, programs)."""
