"""The web CMS: Decap configuration from the models, the admin pages, and the local CMS for one computer.

What the pipeline uses of this stage is named here: the files of /admin/, the backend they
are configured for, and the versions of the npm packages they come from (a build's inputs).
"""

from catalog.cms.admin import admin_files
from catalog.cms.config import Backend
from catalog.cms.vendor import decap_version, vendor_versions

__all__ = ["Backend", "admin_files", "decap_version", "vendor_versions"]
