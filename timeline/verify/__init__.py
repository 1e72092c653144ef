"""Verify: every proposal checked against the article it quotes, whichever engine proposed it.

The quote must be in the article; the event's words, names, numbers, places and attribution must be
supported by the quoted sentence; the date comes from our resolver, never from the model alone.
"""
