"""Stage 3, analyse: citations, links, treaties, asks, figures and themes of a parsed document."""
