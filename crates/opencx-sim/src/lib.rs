//! A faithful local open.cx server.
