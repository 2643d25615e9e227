"""Outputs besides pages: sitemap/robots/redirects/alias pages, product feeds, search, the legal report."""
