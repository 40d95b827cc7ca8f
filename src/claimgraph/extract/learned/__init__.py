"""A trained attribution tagger (English, PolNeAR) and its hybrid with the rules."""
