"""The Contacts tab."""
