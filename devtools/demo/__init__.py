"""Demo data for `make run`, one module per capability (``DEMO_LOADERS``), and the catalog generator.

Each module has ``load()`` (idempotent, returns a one-line summary) and ``accounts()`` (the demo
accounts to print). Run by ``manage.py load_demo``; never part of the production settings.
"""
