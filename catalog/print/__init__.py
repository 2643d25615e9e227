"""Printed catalogs: what goes on which page (plan), WeasyPrint layout, PDF jobs, joining parts, QR codes."""
