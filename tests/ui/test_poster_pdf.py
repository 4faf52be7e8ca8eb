"""The booking page poster: one A4 page, plain text, and a QR code that is segno's matrix.

The poster draws with Qt's GUI module, so these tests use pytest-qt's ``qapp``. The QR code
is checked on the printed page itself: poppler renders the PDF and every module's centre
is sampled against segno's matrix (no QR decoder is needed).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from careops_desktop.ui.printing.poster_pdf import Poster, PosterLayout, write_poster_pdf
from careops_desktop.ui.printing.qr_paint import QUIET_ZONE, qr_matrix, symbol_modules

URL = "http://192.168.1.20:8765"
A4_POINTS = (595.0, 842.0)


def _text(path: Path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def test_one_page_with_the_name_the_address_and_the_phone(tmp_path: Path, qapp: object) -> None:
    path = tmp_path / "poster.pdf"
    layout = write_poster_pdf(
        path,
        Poster(
            "Willow Lane Physio",
            URL,
            address="14 Willow Lane\nHebden Bridge\nHX7 8AB",
            phone="+44 1422 000123",
        ),
    )
    assert _pages(path) == 1
    box = PdfReader(str(path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
    text = _text(path)
    for expected in ("Willow Lane Physio", URL, "Hebden Bridge", "HX7 8AB", "+44 1422 000123"):
        assert expected in text
    assert layout.name_text == "Willow Lane Physio" and layout.name_points >= 38
    # the code is big and on the page, between the name and the address
    assert layout.qr.width() > 250 and layout.qr.width() == layout.qr.height()
    assert layout.name.bottom() < layout.qr.top() < layout.qr.bottom() < layout.url.top()
    assert layout.url.bottom() < A4_POINTS[1]


HOSTILE = [
    "<b>Bold</b> & Co <script>alert(1)</script>",
    "Tom & Jerry's &amp; &lt;Salon&gt;",
    "%PDF-1.4 ) Tj BT /F1 12 Tf (injected) Tj ET",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_business_names_print_as_typed(tmp_path: Path, qapp: object, name: str) -> None:
    path = tmp_path / "poster.pdf"
    write_poster_pdf(path, Poster(name, URL, address="<i>1 Road</i>", phone="&#60;"))
    assert _pages(path) == 1
    text = _text(path)
    assert name.replace(" ", "") in text.replace(" ", "")  # wrapped lines read back joined
    assert "<i>1 Road</i>" in text and "&#60;" in text
    metadata = PdfReader(str(path)).metadata
    assert metadata is not None and metadata.title == f"Booking page — {name}"


def test_a_very_long_name_is_set_smaller_then_shortened_never_two_pages(
    tmp_path: Path, qapp: object
) -> None:
    path = tmp_path / "poster.pdf"
    words = " ".join(["Physiotherapy"] * 60)
    layout = write_poster_pdf(path, Poster(words, URL))
    assert _pages(path) == 1
    assert layout.name_text.endswith("…") and len(layout.name_text) < len(words)
    assert layout.name_points == 20
    assert layout.name.bottom() < layout.qr.top()
    unbroken = "X" * 500
    layout = write_poster_pdf(path, Poster(unbroken, URL + "/" + "long" * 40))
    assert _pages(path) == 1
    assert layout.name.bottom() < layout.qr.top()
    assert layout.url.right() <= A4_POINTS[0]


def test_an_empty_address_cannot_become_a_poster(tmp_path: Path, qapp: object) -> None:
    path = tmp_path / "poster.pdf"
    with pytest.raises(ValueError, match="QR code"):
        write_poster_pdf(path, Poster("Willow Lane", ""))
    assert not path.exists()


def _render(path: Path, folder: Path, dpi: int) -> QImage:
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(path), str(folder / "page")],
        check=True,
    )
    image = QImage(str(folder / "page.png"))
    assert not image.isNull()
    return image


def _dark(image: QImage, x: float, y: float) -> bool:
    return image.pixelColor(round(x), round(y)).lightness() < 128


def _sampled_matrix(image: QImage, layout: PosterLayout, size: int, dpi: int) -> list[list[bool]]:
    scale = dpi / 72.0
    module = layout.qr.width() * scale / symbol_modules(((False,) * size,) * size)
    left, top = layout.qr.left() * scale, layout.qr.top() * scale
    return [
        [
            _dark(
                image,
                left + (column + QUIET_ZONE + 0.5) * module,
                top + (row + QUIET_ZONE + 0.5) * module,
            )
            for column in range(size)
        ]
        for row in range(size)
    ]


@pytest.mark.parametrize("url", [URL, "http://[fe80::1]:8765/" + "book" * 20])
def test_the_printed_code_is_segnos_matrix(tmp_path: Path, qapp: object, url: str) -> None:
    path = tmp_path / "poster.pdf"
    layout = write_poster_pdf(path, Poster("Willow Lane Physio", url))
    dpi = 100
    image = _render(path, tmp_path, dpi)
    expected = qr_matrix(url)
    sampled = _sampled_matrix(image, layout, len(expected), dpi)
    assert sampled == [list(row) for row in expected]
    # the quiet zone around it is light
    scale = dpi / 72.0
    module = layout.qr.width() * scale / symbol_modules(expected)
    for step in range(symbol_modules(expected)):
        assert not _dark(
            image,
            layout.qr.left() * scale + module / 2,
            (layout.qr.top()) * scale + (step + 0.5) * module,
        )
