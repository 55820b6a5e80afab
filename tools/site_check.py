"""The static check of the exported site: every page's links and sources stay inside the site.

Fails on a src or href that points at a local file (a file:// address, an absolute path of the
machine that built it such as /work/... or C:\\...), on a relative link to a file the site does not
have, and on an in-page link (#anchor) to an id the page does not have. Web addresses (http,
https, mailto) and data: URIs are fine. `make site` runs it; the browser test (tools/ui-check.js)
then opens every page and checks that it renders and its images load.

    python site_check.py <site-folder>
"""
import html.parser
import os
import sys
import urllib.parse

LOCAL_SCHEMES = ("file:",)
WEB_SCHEMES = ("http:", "https:", "mailto:", "data:", "javascript:")


class _Refs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs = []  # (tag, attribute, value)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            if name in ("src", "href"):
                self.refs.append((tag, name, value.strip()))


def problems(site, page):
    """Every problem of one page of the site, as readable lines."""
    with open(os.path.join(site, page), encoding="utf-8") as f:
        parser = _Refs()
        parser.feed(f.read())
    found = []
    for tag, attribute, value in parser.refs:
        where = f"{page}: <{tag} {attribute}=\"{value[:100]}\">"
        lower = value.lower()
        if lower.startswith(LOCAL_SCHEMES):
            found.append(f"{where} points at a local file")
        elif value.startswith("/") and not value.startswith("//") or (len(value) > 2 and value[1] == ":" and value[2] in "\\/"):
            found.append(f"{where} is an absolute path of the machine that built the site")
        elif lower.startswith(WEB_SCHEMES) or value.startswith("//"):
            continue
        elif value.startswith("#"):
            # nbconvert writes heading ids percent-encoded, browsers match either spelling
            anchor = urllib.parse.unquote(value[1:])
            ids = parser.ids | {urllib.parse.unquote(i) for i in parser.ids}
            if anchor and anchor not in ids:
                found.append(f"{where} links an anchor the page does not have")
        else:
            target = urllib.parse.unquote(urllib.parse.urlsplit(value).path)
            if target and not os.path.exists(os.path.join(site, target)):
                found.append(f"{where} links a file the site does not have")
    return found


def check(site):
    pages = sorted(p for p in os.listdir(site) if p.endswith(".html"))
    found = [] if "index.html" in pages else [f"{site} has no index.html"]
    for page in pages:
        found += problems(site, page)
    return pages, found


def main(argv):
    site = argv[1]
    pages, found = check(site)
    for line in found:
        print(f"site-check: {line}", file=sys.stderr)
    print(f"site-check: {len(pages)} pages, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
