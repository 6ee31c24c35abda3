"""Stage 2, parse: lines classified, the paragraph tree segmented, notes attached, audited."""
