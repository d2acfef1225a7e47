"""Keeping a spec's hand edits: canonical form, overlays, three-way reconciliation, diffs."""
