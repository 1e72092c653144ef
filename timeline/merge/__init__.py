"""Merge: reports of the same happening joined (with why), figure and date disagreements found
and attributed to each value's source.
"""
