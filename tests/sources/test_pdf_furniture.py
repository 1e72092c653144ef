"""Issue 27: a PDF's page furniture (running header, footer, page numbers) is removed before
sentences are formed; no event spans a page break's furniture. The PDF is built here, by hand."""
from __future__ import annotations

from datetime import date

from timeline.sources.pdf import read


def _pdf(pages: list[list[str]]) -> bytes:
    """A minimal text PDF: one Helvetica line per string, top to bottom."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        ops = []
        for i, line in enumerate(lines):
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 10 Tf 40 {780 - 16 * i} Td ({escaped}) Tj ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % content)
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


HEADER = "Harlow Port Authority - Press Office - www.harlowport.example"
FOOTER = "Page {} of 2 - Registered office: 1 Quay Street, Harlow"
PAGE_ONE = [HEADER, "The harbour authority said on Monday that the east terminal would close for",
            "repairs after storm damage was found in the sea wall near the ferry berth.",
            "Engineers from the council inspected the wall on Sunday and reported cracks.", FOOTER.format(1)]
PAGE_TWO = [HEADER, "The terminal reopened on Friday after the repairs were finished ahead of schedule.",
            "Ferries will run to the usual timetable from Saturday, the authority said.", FOOTER.format(2)]


def test_running_header_footer_and_page_numbers_are_removed() -> None:
    [article] = read(_pdf([PAGE_ONE, PAGE_TWO]), "release.pdf", "release")
    assert "Press Office" not in article.text and "Registered office" not in article.text
    assert "Page 1" not in article.text and "Page 2" not in article.text
    assert "The harbour authority said on Monday" in article.text
    assert "The terminal reopened on Friday" in article.text


def test_no_event_spans_a_page_breaks_furniture() -> None:
    from timeline.run.pipeline import BriefOptions, brief

    [article] = read(_pdf([PAGE_ONE, PAGE_TWO]), "release.pdf", "release")
    article = article.model_copy(update={"published": date(2025, 3, 10)})
    briefing = brief([article], BriefOptions(engine="local", use_cache=False))
    events = briefing.chronology.events + briefing.chronology.undated
    assert all("Registered office" not in e.what and "Press Office" not in e.what for e in events)
    reopened = [e for e in events if e.what.startswith("The terminal reopened on Friday")]
    assert reopened and reopened[0].when and reopened[0].when.value == "2025-03-07"
