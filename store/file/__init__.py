"""Persistence: the file format, the lock, atomic writes, backups, migrations and the
file's life cycle. The domain modules of ``store`` never import this package."""
