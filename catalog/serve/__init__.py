"""The live preview: the server, the incremental rebuild on each save, file watching."""
