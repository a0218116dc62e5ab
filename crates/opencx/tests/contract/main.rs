//! Contract tests: the client against the real simulator (`opencx-sim`) over loopback HTTP, and
//! against a scripted stub for answers the simulator does not give. One test binary, a module
//! per area.

mod budget;
mod chat;
mod directories;
mod errors;
mod faults;
mod segments;
mod stub;
mod support;
mod tolerance;
mod trainings;
