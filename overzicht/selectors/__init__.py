"""Reads of the overviews, one module per page: ``dashboard`` (the officials' dashboard and
list), ``mijn`` (my page), ``register`` (the public register and its open data), ``rapport``
(the year report). What they show of a phase comes from the phase apps' contributions
(``aanbesteden.bijdragen``); every function runs a fixed number of queries."""
