"""Follow-up of plans: status, coverage and differences between revisions."""
