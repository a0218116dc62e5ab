//! Training Studio domain.
