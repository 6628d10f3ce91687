"""Pages of the intake and phase 1, one module per concern. Thin: forms validate, services
write, selectors read."""
