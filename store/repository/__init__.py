"""The repository: every operation the app performs on its records, by subject, each
one a transaction over the shared core (``core.py``)."""
