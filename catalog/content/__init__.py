"""Content in: YAML/Markdown read safely, validated against the schema, turned into the frozen model.

Also the editors' tools that write content: scaffolds and the spreadsheet import."""
