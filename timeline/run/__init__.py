"""The one package that knows the order of the stages: pipeline wiring, one chunk's propose and
verify, the worker pool, key-day summaries and a batch job's life.
"""
