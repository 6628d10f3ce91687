"""Hypothesis strategies that fill any Django form with hostile input, field by field.

``formulier_data(form)`` walks the form's fields and draws, per field type: text with control
characters (``\\x00`` included) and very long strings, numbers out of range and garbage, dates
that do not exist, random files with random names, valid and invalid choices — or leaves the
field out. The result is a dict for ``Client.post`` (files included).
"""

from __future__ import annotations

import string

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

CONTROLE = "".join(chr(i) for i in range(0, 32)) + "\x7f\u200b\u202e\ufeff"

lastige_tekst = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(CONTROLE + "aé€ <>&'\"%;\\"), max_size=40),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["a", "é", "\x00", "€", "𝔘", " "]),
        st.integers(200, 12_000),
    ),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "null",
            "None",
            "<script>alert(1)</script>",
            "'; DROP TABLE x; --",
            "%(naam)s",
            "{{ x }}",
            "../../etc/passwd",
        ]
    ),
)

getal_tekst = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        [
            "",
            "-0",
            "1.000,50",
            "1000.50",
            "1,5",
            "1e400",
            "sNaN",
            "-sNaN",
            "-1e400",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "١٢٣",
            "9" * 60,
            " 12 ",
            "12abc",
            "\x00",
            "+-1",
        ]
    ),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(str),
    st.text(max_size=20),
)

datum_tekst = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(
        [
            "",
            "0000-00-00",
            "2024-02-30",
            "31-02-2024",
            "9999-12-31",
            "0001-01-01",
            "10000-01-01",
            "2024-13-01",
            "gisteren",
            "1-1-1",
            "2024-01-01T25:61",
            "-2024-01-01",
            "\x00",
        ]
    ),
    st.text(max_size=20),
)

bool_tekst = st.sampled_from(["on", "", "true", "false", "0", "1", "ja", "\x00"])


@st.composite
def bestand(draw):
    naam = draw(
        st.one_of(
            st.text(
                alphabet=string.ascii_letters + string.digits + "._- ", min_size=1, max_size=60
            ),
            st.sampled_from(
                [
                    "a.pdf",
                    "../../x.pdf",
                    "x.exe",
                    ".pdf",
                    "a" * 300 + ".pdf",
                    "é.png",
                    "x.pdf.exe",
                    "leeg",
                ]
            ),
        )
    )
    inhoud = draw(
        st.one_of(
            st.binary(max_size=2048),
            st.sampled_from(
                [
                    b"",
                    b"%PDF-1.4\n%%EOF",
                    b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
                    b"MZ\x90\x00",
                    b"<html><script>x</script>",
                ]
            ),
        )
    )
    soort = draw(
        st.sampled_from(["application/pdf", "image/png", "text/plain", "application/octet-stream"])
    )
    return SimpleUploadedFile(naam or "x", inhoud, content_type=soort)


def _keuzes(veld: forms.Field) -> list[str]:
    """The field's valid values (a model choice field reads its queryset here)."""
    waarden = []
    for waarde, label in veld.choices:
        if isinstance(label, list | tuple):  # option groups
            waarden += [str(w) for w, _l in label]
        else:
            waarden.append(str(getattr(waarde, "value", waarde)))
    return waarden[:50]


def veld_strategie(veld: forms.Field):
    """The hostile values of one field; ``None`` means: leave the field out."""
    if isinstance(veld, forms.FileField):
        waarde = bestand()
    elif isinstance(veld, forms.BooleanField | forms.NullBooleanField):
        waarde = bool_tekst
    elif isinstance(veld, forms.ChoiceField | forms.ModelChoiceField):
        geldig = _keuzes(veld)
        ongeldig = st.one_of(getal_tekst, lastige_tekst)
        enkel = st.one_of(st.sampled_from(geldig), ongeldig) if geldig else ongeldig
        if isinstance(veld, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            waarde = st.lists(enkel, max_size=5)
        else:
            waarde = enkel
    elif isinstance(veld, forms.IntegerField | forms.DecimalField | forms.FloatField):
        waarde = getal_tekst
    elif isinstance(
        veld,
        forms.DateField
        | forms.DateTimeField
        | forms.TimeField
        | forms.SplitDateTimeField
        | forms.DurationField,
    ):
        waarde = datum_tekst
    elif isinstance(veld, forms.EmailField):
        waarde = st.one_of(st.emails(), lastige_tekst, st.just("a@b.nl" + "x" * 300))
    else:
        waarde = lastige_tekst
    return st.one_of(st.none(), waarde)


def formulier_data(form: forms.BaseForm, vast: dict | None = None):
    """A strategy of POST data for ``form`` (a form instance). ``vast`` maps field names to
    strategies that replace the generic one (e.g. a hidden status that should often match)."""
    velden = {naam: veld_strategie(veld) for naam, veld in form.fields.items()}
    velden.update(vast or {})
    prefix = f"{form.prefix}-" if form.prefix else ""

    def schoon(getrokken: dict) -> dict:
        return {f"{prefix}{k}": v for k, v in getrokken.items() if v is not None}

    return st.fixed_dictionaries(velden).map(schoon)
