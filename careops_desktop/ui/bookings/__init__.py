"""The Bookings tab."""
