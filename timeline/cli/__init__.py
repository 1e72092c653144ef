"""The command line: ``main`` parses and dispatches, each command module calls the library and prints.

No pipeline logic lives here; heavy imports happen inside the command that needs them.
"""
