"""sandbox/dialects"""
