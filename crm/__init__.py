"""The domain of the investment-promotion CRM (招商引资): models and use cases.

Nothing here imports a database driver or the web framework; storage is reached
through the `GraphStore` port (crm.ports) and named statements of graph.catalogue.
"""
