"""Engines read chunks and propose events; see base.Engine for the contract."""
