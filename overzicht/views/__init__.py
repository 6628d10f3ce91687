"""Pages of the overviews, one module per page. Thin: access checks, a selector or service,
a template."""
