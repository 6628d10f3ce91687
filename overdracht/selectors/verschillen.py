"""What changed between two versions, as readable rows."""

from __future__ import annotations

from typing import Any

from ..models import OvereenkomstVersie
from .inhoud import versie_teksten

# --- what changed -------------------------------------------------------------------------------
SECTIE_LABELS = {
    "traject": "Traject",
    "gemeente": "Gemeente",
    "initiatief": "Initiatief",
    "partners": "Partners",
    "taak": "Taak",
    "horizon": "Stip aan de horizon",
    "indicatoren": "Indicatoren",
    "mijlpalen": "Mijlpalen",
    "inzet": "Inzet van de partijen",
    "begroting": "Begroting",
    "kosten": "Kosten",
    "dekking": "Dekking",
    "tranches": "Tranches",
    "contactpersonen": "Contactpersonen",
    "looptijd": "Looptijd",
    "evaluatie": "Evaluatie",
    "taak_gemeente": "Wat bij de gemeente blijft",
    "exitplan": "Beëindiging en exitplan",
    "clausules": "Clausules",
}


def _kort(waarde: Any) -> str:
    if isinstance(waarde, dict):
        return "; ".join(f"{k}: {v}" for k, v in waarde.items() if v and k != "label")
    tekst = str(waarde)
    return tekst if len(tekst) <= 300 else tekst[:297] + "…"


def versie_verschillen(oud: dict, nieuw: dict) -> list[dict[str, str]]:
    """What changed from snapshot ``oud`` to ``nieuw``, as readable rows
    (section, what, before, after)."""
    rijen: list[dict[str, str]] = []
    for sleutel in list(SECTIE_LABELS) + sorted(set(oud) | set(nieuw) - set(SECTIE_LABELS)):
        if sleutel not in oud and sleutel not in nieuw:
            continue
        a, b = oud.get(sleutel), nieuw.get(sleutel)
        if a == b:
            continue
        sectie = SECTIE_LABELS.get(sleutel, sleutel)
        if isinstance(a, list) or isinstance(b, list):
            a_items = {
                str(i.get("label", i)) if isinstance(i, dict) else str(i): i for i in a or []
            }
            b_items = {
                str(i.get("label", i)) if isinstance(i, dict) else str(i): i for i in b or []
            }
            for label in a_items.keys() - b_items.keys():
                rijen.append(
                    {
                        "sectie": sectie,
                        "wat": label,
                        "soort": "verwijderd",
                        "oud": _kort(a_items[label]),
                        "nieuw": "",
                    }
                )
            for label in b_items.keys() - a_items.keys():
                rijen.append(
                    {
                        "sectie": sectie,
                        "wat": label,
                        "soort": "toegevoegd",
                        "oud": "",
                        "nieuw": _kort(b_items[label]),
                    }
                )
            for label in sorted(a_items.keys() & b_items.keys()):
                x, y = a_items[label], b_items[label]
                if x == y:
                    continue
                if isinstance(x, dict) and isinstance(y, dict):
                    for veld in sorted(set(x) | set(y)):
                        if x.get(veld) != y.get(veld):
                            rijen.append(
                                {
                                    "sectie": sectie,
                                    "wat": f"{label} › {veld}",
                                    "soort": "gewijzigd",
                                    "oud": _kort(x.get(veld, "")),
                                    "nieuw": _kort(y.get(veld, "")),
                                }
                            )
                else:
                    rijen.append(
                        {
                            "sectie": sectie,
                            "wat": label,
                            "soort": "gewijzigd",
                            "oud": _kort(x),
                            "nieuw": _kort(y),
                        }
                    )
        elif isinstance(a, dict) or isinstance(b, dict):
            a, b = a or {}, b or {}
            for veld in sorted(set(a) | set(b)):
                if a.get(veld) != b.get(veld):
                    rijen.append(
                        {
                            "sectie": sectie,
                            "wat": veld,
                            "soort": "gewijzigd",
                            "oud": _kort(a.get(veld, "")),
                            "nieuw": _kort(b.get(veld, "")),
                        }
                    )
        else:
            rijen.append(
                {
                    "sectie": sectie,
                    "wat": sectie,
                    "soort": "gewijzigd",
                    "oud": _kort(a if a is not None else ""),
                    "nieuw": _kort(b if b is not None else ""),
                }
            )
    return rijen


def volledige_inhoud(versie: OvereenkomstVersie, clausules=None) -> dict:
    """The snapshot plus the editable texts and the clauses, as compared between versions."""
    clausules = list(versie.clausules.all()) if clausules is None else clausules
    return {
        **versie.inhoud,
        **versie_teksten(versie),
        "clausules": [{"label": c.titel, "tekst": c.tekst} for c in clausules],
    }
