//! The API's data types, decoded tolerantly (unknown keys ignored, `null`s accepted where the
//! documentation is loose). With the `ts` feature they also derive `ts_rs::TS`; the ones the app
//! shows are exported to TypeScript.

mod channel;
pub(crate) mod chat;
mod directory;
pub(crate) mod envelope;
mod lenient;
mod query;
mod segment;
mod training;
mod training_type;

pub use channel::Channel;
pub use chat::{
    ChatAnswer, ChatContact, HistoryEvent, HistoryPage, ScannedInstruction, SendAnswer,
};
pub use directory::Directory;
pub(crate) use query::WirePage;
pub use query::{ListQuery, SortBy, TrainingPage};
pub use segment::Segment;
pub use training::{CreateTraining, Training, UpdateTraining};
pub use training_type::TrainingType;
