"""Development tools: private PostgreSQL, the `make run` launcher, the local FranceConnect+, demo data.

Also a Django app (``devtools``: the ``load_demo`` and ``generate_catalog`` commands), installed by the
dev and test settings only, never by the production settings. Nothing under ``dife/`` imports it.
"""
