"""Tests of the static notebook check in notebooks.py: it reads saved outputs and runs nothing."""
import json
import os
import tempfile
import unittest

import notebooks


def notebook(cells, mode="full", sources=None):
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"course": {"sources_sha256": sources or notebooks.sources_hash(), "mode": mode,
                                    "commit": "test"}}}


def code(text, tags=()):
    return {"cell_type": "code", "metadata": {"tags": list(tags)}, "source": "x",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": text}] if text else []}


def markdown(text, tags=()):
    return {"cell_type": "markdown", "metadata": {"tags": list(tags)}, "source": text}


NOT_AS_EXPECTED = "Observed: speed-up: expected about 2× (± 25%); measured 1.05× — not as expected on this run (2 cores)\n"
AS_EXPECTED = "Observed: speed-up: expected about 2× (± 25%); measured 1.93× — as expected\n"


class CheckTest(unittest.TestCase):
    def check(self, nb):
        with tempfile.NamedTemporaryFile("w", suffix=".ipynb", delete=False, encoding="utf-8") as f:
            json.dump(nb, f)
        try:
            return notebooks.check(f.name, notebooks.sources_hash())
        finally:
            os.unlink(f.name)

    def test_a_held_observation_passes(self):
        self.assertEqual([], self.check(notebook([code(AS_EXPECTED)])))

    def test_an_observation_that_did_not_hold_needs_an_explaining_cell(self):
        found = self.check(notebook([code(NOT_AS_EXPECTED), markdown("More prose.")]))
        self.assertEqual(1, len(found))
        self.assertIn("did not hold", found[0])
        self.assertEqual([], self.check(notebook([code(NOT_AS_EXPECTED), markdown("Why.", ["explains"])])))

    def test_outputs_from_other_sources_ask_for_a_refresh(self):
        found = self.check(notebook([code(AS_EXPECTED)], sources="0" * 64))
        self.assertEqual(1, len(found))
        self.assertIn("make refresh", found[0])

    def test_quick_mode_outputs_are_not_committed(self):
        self.assertIn("quick mode", self.check(notebook([code(AS_EXPECTED)], mode="quick"))[0])

    def test_a_notebook_without_an_execution_record_fails(self):
        nb = notebook([code(AS_EXPECTED)])
        del nb["metadata"]["course"]
        self.assertIn("no execution record", self.check(nb)[0])

    def test_a_solution_saved_with_its_output_gives_the_answer_away(self):
        self.assertIn("solution", self.check(notebook([code("PASS: done\n", ["solution"])]))[0])

    def test_errors_and_missing_charts_fail(self):
        error = {"cell_type": "code", "metadata": {}, "source": "x",
                 "outputs": [{"output_type": "error", "ename": "Boom", "evalue": "bad", "traceback": []}]}
        self.assertEqual(2, len(self.check(notebook([error, code("text only", ["chart"])]))))

    def test_the_hash_covers_the_library_and_data(self):
        files = notebooks.source_files()
        self.assertTrue(any(f.startswith("lib/src/main/") for f in files))
        self.assertTrue(any(f.startswith("data/") for f in files))
        self.assertFalse(any("/target/" in f for f in files))


if __name__ == "__main__":
    unittest.main()
