"""What this phase adds to the traject state machine (requirements, follow-ups, demo)."""
