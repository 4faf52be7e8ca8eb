"""The Settings tab and its pages."""
