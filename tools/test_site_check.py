"""Tests of the static site check in site_check.py."""
import os
import tempfile
import unittest

import site_check


class SiteCheckTest(unittest.TestCase):
    def site(self, pages, files=()):
        folder = tempfile.mkdtemp()
        for name, text in {"index.html": "<a href='01-x.html'>x</a>", **pages}.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        for name in files:
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            open(os.path.join(folder, name), "w").close()
        return site_check.check(folder)[1]

    def test_web_addresses_data_uris_and_files_of_the_site_pass(self):
        page = ("<script src='https://cdn.example/x.js'></script><img src='data:image/png;base64,AA'>"
                "<link href='assets/style.css'><a href='mailto:a@b.c'>m</a><a href='index.html'>i</a>")
        self.assertEqual([], self.site({"01-x.html": page}, files=["assets/style.css"]))

    def test_a_file_address_fails(self):
        found = self.site({"01-x.html": "<script src='file:///usr/share/javascript/x.js'></script>"})
        self.assertEqual(1, len(found))
        self.assertIn("local file", found[0])

    def test_an_absolute_path_of_the_build_machine_fails(self):
        found = self.site({"01-x.html": "<img src='/work/main/build/chart.png'><a href='C:\\\\course\\\\x.html'>w</a>"})
        self.assertEqual(2, len(found))
        self.assertTrue(all("absolute path" in line for line in found))

    def test_a_relative_link_to_a_missing_file_fails(self):
        found = self.site({"01-x.html": "<link href='assets/missing.css'>"})
        self.assertEqual(1, len(found))
        self.assertIn("does not have", found[0])

    def test_an_anchor_matches_a_percent_encoded_id(self):
        page = "<h1 id='00-%C2%B7-Welcome'>W</h1><a href='#00-%C2%B7-Welcome'>top</a><a href='#gone'>x</a>"
        found = self.site({"01-x.html": page})
        self.assertEqual(1, len(found))
        self.assertIn("#gone", found[0])

    def test_a_site_without_an_index_fails(self):
        folder = tempfile.mkdtemp()
        self.assertEqual([f"{folder} has no index.html"], site_check.check(folder)[1])


if __name__ == "__main__":
    unittest.main()
