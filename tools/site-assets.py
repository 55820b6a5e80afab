"""Makes the exported HTML pages self-contained: every script or stylesheet they link with a
file:// address (Debian's nbconvert points at /usr/share/javascript; the venv's links a CDN) is
copied into <site>/assets/ and the link rewritten to a relative one. Also writes
<site>/index.html. tools/site_check.py then checks that no page still points at a local file.

    python site-assets.py <site-folder>
"""
import html
import os
import re
import shutil
import sys

site = sys.argv[1]
assets = os.path.join(site, "assets")
pattern = re.compile(r'(src|href)="file://([^"]+)"')
pages = sorted(p for p in os.listdir(site) if p.endswith(".html") and p != "index.html")
for page in pages:
    path = os.path.join(site, page)
    with open(path, encoding="utf-8") as f:
        text = f.read()

    def local(match):
        source = match.group(2)
        if not os.path.isfile(source):
            print(f"site-assets: {page} links {source}, which does not exist; left as is", file=sys.stderr)
            return match.group(0)
        os.makedirs(assets, exist_ok=True)
        target = os.path.join(assets, os.path.basename(source))
        shutil.copyfile(source, target)
        return f'{match.group(1)}="assets/{os.path.basename(source)}"'

    text = pattern.sub(local, text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

with open(os.path.join(site, "index.html"), "w", encoding="utf-8") as f:
    f.write("<!doctype html><meta charset='utf-8'><title>Concurrency patterns in Java 25</title>\n")
    f.write("<h1>Concurrency patterns in Java 25</h1>\n<ul>\n")
    for page in pages:
        f.write(f"<li><a href='{html.escape(page)}'>{html.escape(page[:-5])}</a></li>\n")
    f.write("</ul>\n")
print(f"site-assets: {len(pages)} pages in {site}")
