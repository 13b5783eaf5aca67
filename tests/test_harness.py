"""The harness itself: one test database per pytest-xdist worker, named after DIFE_TEST_DB_SUFFIX."""

import os

from django.db import connection


def test_each_worker_has_its_own_test_database(db, worker_id):
    name = connection.settings_dict["NAME"]
    expected = "test_dife" + os.environ.get("DIFE_TEST_DB_SUFFIX", "")
    assert name == (expected if worker_id == "master" else f"{expected}_{worker_id}")
