/* A business desk starts Decap itself, once galeri-cms.js has filled in its business
   (catalog/cms/config.py desk_config): loaded before decap-cms.js, which otherwise starts alone. */
window.CMS_MANUAL_INIT = true;
