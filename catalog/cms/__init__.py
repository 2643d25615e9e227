"""The web CMS: Decap configuration from the models, the admin pages, and the local CMS for one computer."""
