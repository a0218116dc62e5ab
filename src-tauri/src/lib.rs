//! Training Studio desktop shell.
