"""Galeri IKM: a static, mall-branded product catalog generator (see docs/architecture.md)."""
