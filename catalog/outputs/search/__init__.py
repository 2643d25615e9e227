"""Search: Pagefind records from the views, the index and its cache, the bundle's bytes."""
