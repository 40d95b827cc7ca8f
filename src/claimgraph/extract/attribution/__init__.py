"""Attribution extraction: quotes, cue verbs and nouns, according-to phrases, relays; see `extract/attributions.py`."""
