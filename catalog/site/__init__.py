"""The web site: view records for templates, the theme (one Jinja environment), JSON-LD, rendering."""
