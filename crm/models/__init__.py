"""Validated inputs and the records the domain returns."""
