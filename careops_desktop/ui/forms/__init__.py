"""The Forms tab."""
