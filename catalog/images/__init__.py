"""The photo store: inspect, plan renditions, encode in parallel, cache by content.

`intake` shrinks originals before they are committed."""
