"""Pages of phases 2 and 3, one module per part: ``coalitie`` (the coalition, its
invitations, leaving, the horizon answer) and ``route`` (the route, its parts, agreement,
versions); ``gedeeld`` holds what they share. Thin: access is checked here, the work is done
by services."""
