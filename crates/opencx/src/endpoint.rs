//! What the client knows about each kind of call before sending it: the scope it needs, what a
//! 404 means for it, and how to name its answer in an error.

/// The API key scopes open.cx documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    TrainingRead,
    TrainingWrite,
    SegmentsRead,
    ChatSessionsRead,
    ChatSessionsWrite,
}

impl Scope {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Scope::TrainingRead => "training:read",
            Scope::TrainingWrite => "training:write",
            Scope::SegmentsRead => "segments:read",
            Scope::ChatSessionsRead => "chat-sessions:read",
            Scope::ChatSessionsWrite => "chat-sessions:write",
        }
    }
}

/// How to read a 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum On404 {
    /// A route every open.cx server has: a 404 means the base URL points elsewhere (`Config`).
    Api,
    /// The id is unknown: `NotFound` with this sentence subject ("This training").
    Missing { subject: &'static str },
    /// A route without an id: any 404 means the server lacks the feature (`Unsupported`).
    Feature { feature: &'static str },
    /// A route of an optional feature with an id: `NotFound` when the server's message talks
    /// about the thing (`noun`, e.g. "directory") and is not a route-not-found answer
    /// ("Route PUT:/x not found", "Cannot PUT /x"); `Unsupported` otherwise.
    FeatureItem {
        feature: &'static str,
        subject: &'static str,
        noun: &'static str,
    },
}

/// The fixed facts of one kind of call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Endpoint {
    pub(crate) scope: Scope,
    pub(crate) on_404: On404,
    /// The success answer, as named in a decode error ("the training list").
    pub(crate) answer: &'static str,
}

impl Endpoint {
    pub(crate) const fn new(scope: Scope, on_404: On404, answer: &'static str) -> Self {
        Endpoint {
            scope,
            on_404,
            answer,
        }
    }
}
