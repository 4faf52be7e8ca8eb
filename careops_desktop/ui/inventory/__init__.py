"""The Inventory tab."""
