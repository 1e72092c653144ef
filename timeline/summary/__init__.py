"""The summary: an extractive one from the chronology, a model's checked sentence by sentence,
loaded words in the tool's own voice flagged, and the sources' disagreements stated.
"""
