//! Training Studio entry point.
fn main() {}
