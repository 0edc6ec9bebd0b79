"""Pure domain rules: codes, validation, income, ids and the hybrid logical clock.

Nothing here imports Qt or SQL; the store, services and front ends build on it.
"""
