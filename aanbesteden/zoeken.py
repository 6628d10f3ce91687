"""Searching: PostgreSQL's full-text search with the Dutch configuration in production, a
plain "contains every word" on SQLite (the embedded mode). Every search returns at most
``MAX_RESULTATEN`` rows per source, in one query, whatever the size of the data.

```python
from aanbesteden.zoeken import zoek_filter

zoek_filter(Opgave.objects.filter(...), velden=("titel", "omschrijving"), tekst="buurthuis")
```
"""

from __future__ import annotations

import re
from functools import reduce
from operator import and_, or_

from django.db import connections
from django.db.models import Q, QuerySet

#: Rows per source on a results page.
MAX_RESULTATEN = 20
#: What a search takes of what was typed.
MAX_TEKENS = 200
MAX_WOORDEN = 8

_WOORD = re.compile(r"\w+", re.UNICODE)


def zoekwoorden(tekst: str) -> list[str]:
    """The words of ``tekst`` (letters and digits), at most ``MAX_WOORDEN``."""
    return _WOORD.findall((tekst or "")[:MAX_TEKENS])[:MAX_WOORDEN]


def zoek_filter(qs: QuerySet, *, velden: tuple[str, ...], tekst: str) -> QuerySet:
    """``qs`` narrowed to rows that match ``tekst`` in ``velden``, best match first on
    PostgreSQL; nothing when there is no word to search for. Not sliced: the caller takes
    ``[:MAX_RESULTATEN]``."""
    woorden = zoekwoorden(tekst)
    if not woorden:
        return qs.none()
    if connections[qs.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(*velden, config="dutch")
        query = SearchQuery(" ".join(woorden), config="dutch", search_type="plain")
        return (
            qs.annotate(zoekvector=vector)
            .filter(zoekvector=query)
            .annotate(zoekrang=SearchRank(vector, query))
            .order_by("-zoekrang", "-pk")
        )
    per_woord = [reduce(or_, (Q(**{f"{veld}__icontains": w}) for veld in velden)) for w in woorden]
    return qs.filter(reduce(and_, per_woord)).order_by("-pk")
