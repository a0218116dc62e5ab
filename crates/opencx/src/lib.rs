//! Typed async client of the open.cx training API.
