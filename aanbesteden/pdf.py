"""Rendering HTML to accessible PDF (PDF/UA-1) with WeasyPrint, imported lazily.

Every PDF of the platform (decision letters, agreements, reports) goes through ``html_naar_pdf``
so they share fonts, tagging and metadata.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.template.loader import render_to_string

PDF_CSS = """
@page { size: A4; margin: 22mm 20mm 25mm 20mm;
  @bottom-left { content: string(voetregel); font-size: 7.5pt; color: #333; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; }
}
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; }
h1 { font-size: 18pt; margin: 0 0 8mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 0.5pt solid #777; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.voetregel { string-set: voetregel content(); font-size: 0; height: 0; margin: 0; }
.rechts { text-align: right; }
"""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def qr_data_uri(tekst: str) -> str:
    """A QR code of ``tekst`` as an SVG ``data:`` URI for an ``<img>`` in a PDF or a page
    (segno: pure Python; WeasyPrint draws the SVG as vectors, sharp at any print size).
    Error correction M: a printed and folded page still scans."""
    import segno

    return segno.make(tekst, error="m", micro=False).svg_data_uri(border=2, dark="#000")


def html_naar_pdf(html: str, *, extra_css: str = "") -> bytes:
    """Render ``html`` (a full document with ``lang`` and ``<title>``) to PDF/UA-1 bytes."""
    from weasyprint import CSS, HTML  # lazily: WeasyPrint is heavy to import

    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    stylesheets = [CSS(string=PDF_CSS + extra_css)]
    return document.write_pdf(
        stylesheets=stylesheets,
        pdf_variant="pdf/ua-1",
        pdf_identifier=None,
        uncompressed_pdf=False,
        custom_metadata=True,
    )


def template_naar_pdf(template: str, context: dict, *, extra_css: str = "") -> bytes:
    return html_naar_pdf(render_to_string(template, context), extra_css=extra_css)
