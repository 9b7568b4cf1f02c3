"""The arithmetic: paces required and achieved, projections, the indicator tables' computed columns."""
