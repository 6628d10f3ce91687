"""Every page names its icon, and a browser that asks /favicon.ico without reading the page
gets it too (no 404 in its console)."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static


@pytest.mark.django_db
def test_pagina_noemt_het_icoon_en_het_bestaat(client):
    html = client.get("/").content.decode()
    iconen = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert iconen == [static("favicon.svg"), static("favicon.ico")]
    assert "<svg" in Path(finders.find("favicon.svg")).read_text()
    assert Path(finders.find("favicon.ico")).read_bytes()[:4] == b"\x00\x00\x01\x00"  # ICO


@pytest.mark.django_db
def test_favicon_ico_wijst_naar_het_statische_bestand(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("favicon.ico")
