"""PDF text extraction: pypdf against pdfminer.six on news-like PDFs made in this run.

News articles (from ``../shared/corpus`` when present, else the seed and the test pages) are laid
out as a journalist's PDF would be: a one-column print of a web page, and a two-column
newspaper page (justified, hyphenated, a running header and page numbers). Chromium prints
each to PDF. The score is what the briefing needs: the share of the article's sentences found
verbatim (whitespace-normalised) in the extracted text, since evidence quotes must match it,
raw and after the reader's ``reflow`` (ligatures, line-end hyphens, headers, page numbers).

    python bench/bench_pdf.py            # needs Debian's chromium; skipped with a notice without
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from timeline.sources.pdf import reflow  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "bbc-01.jsonl"
LAYOUTS = {
    "one-column": "body{font:12pt Georgia,serif;margin:2cm} p{margin:0 0 .8em}",
    "two-column": ("body{font:10pt 'Times New Roman',serif;margin:1.5cm} .cols{columns:2;column-gap:1cm;"
                   "text-align:justify;hyphens:auto} p{margin:0 0 .5em;text-indent:1em}"
                   " header{border-bottom:1px solid #000;margin-bottom:.5cm;font:9pt sans-serif}"),
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def articles(n: int) -> list[tuple[str, str]]:
    """(title, text) of ``n`` news articles."""
    if CORPUS.is_file():
        out = []
        with CORPUS.open(encoding="utf-8") as handle:
            for line in handle:
                obj = json.loads(line)
                if len(obj["text"].split()) > 250:
                    out.append((obj.get("title") or "Untitled", obj["text"]))
                if len(out) == n:
                    break
        return out
    seed = (REPO / "seeds" / "000_e3cd228ed5e53f9a.txt").read_text(encoding="utf-8")
    return [("Seed article", seed)]


def page(title: str, text: str, layout: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (f"<!doctype html><meta charset=utf-8><style>{LAYOUTS[layout]}</style>"
            f"<header>The Daily Example · World news</header><h1>{html.escape(title)}</h1>"
            f"<div class=cols>{paragraphs}</div>")


def print_pdf(chromium: str, source: Path, target: Path) -> None:
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={target}", source.as_uri()],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def with_pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(path).pages]


def with_pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path))).split("\f")


def recovered(reference: str, extracted: str) -> tuple[int, int]:
    """(sentences found verbatim, sentences) after normalising whitespace."""
    flat = " ".join(extracted.split())
    sentences = [" ".join(s.split()) for p in reference.split("\n") for s in _SENTENCE.split(p) if len(s.split()) >= 4]
    return sum(1 for s in sentences if s in flat), len(sentences)


def run(n: int = 10) -> dict:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return {"skipped": "chromium not installed"}
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for layout in LAYOUTS:
            scores = {name: [0, 0, 0.0] for name in ("pypdf", "pdfminer.six", "pypdf+reflow", "pdfminer.six+reflow")}
            for i, (title, text) in enumerate(articles(n)):
                source = Path(tmp) / f"{layout}-{i}.html"
                source.write_text(page(title, text, layout), encoding="utf-8")
                pdf = source.with_suffix(".pdf")
                print_pdf(chromium, source, pdf)
                for name, extract in (("pypdf", with_pypdf), ("pdfminer.six", with_pdfminer)):
                    t0 = time.perf_counter()
                    pages = extract(pdf)
                    seconds = time.perf_counter() - t0
                    for label, out in ((name, "\n".join(pages)), (f"{name}+reflow", reflow(pages))):
                        found, total = recovered(text, out)
                        scores[label][0] += found
                        scores[label][1] += total
                        scores[label][2] += seconds
            results[layout] = {name: {"sentences_verbatim": f"{f}/{t}", "share": round(f / t, 3), "seconds": round(s, 2)}
                               for name, (f, t, s) in scores.items()}
    return results


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
