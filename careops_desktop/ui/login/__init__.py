"""The sign-in and first-owner dialogs."""
