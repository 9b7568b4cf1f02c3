"""How things are shown: numbers as printed, text blocks, routes, charts, downloads and maps."""
