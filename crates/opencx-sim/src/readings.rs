//! The places where open.cx documents nothing, or two things, and real servers may differ, as
//! switches: how `is_draft` is read ([`DraftMode`]), what a `PUT` does with omitted optional
//! fields ([`OmittedFields`]), and which of the two documented answers
//! `POST /chat/sessions/{id}/send` gives ([`ChatAnswer`]). All are the simulator's readings,
//! not open.cx's documentation; the defaults are the simulator's original behaviour.

use std::fmt;
use std::str::FromStr;

/// How `is_draft` on `POST /training`, `PUT /training/{id}` and `PUT /training/{id}/draft` is
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DraftMode {
    /// A draft waits beside the live version: `PUT` with `is_draft: true` on a published
    /// training stores the text in `draft_title`/`draft_content` and leaves the live text and
    /// version alone; `PUT` with `is_draft` false or omitted publishes at once (version + 1,
    /// `draft_*` cleared).
    #[default]
    Fields,
    /// `is_draft` read word for word ("if true, saved as draft and not used by the AI"):
    /// `title`/`content` always replace the live text and `draft_*` are always null.
    /// `is_draft: true` takes the training out of use (version and `published_at` kept);
    /// `is_draft: false` puts it in use, with a new version only when it was a draft or its
    /// text changed; `is_draft` omitted keeps the state, and a live training whose text
    /// changed gets a new version.
    Literal,
}

impl FromStr for DraftMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "fields" => Ok(DraftMode::Fields),
            "literal" => Ok(DraftMode::Literal),
            _ => Err(format!("unknown draft mode `{s}`: use fields or literal")),
        }
    }
}

impl fmt::Display for DraftMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DraftMode::Fields => "fields",
            DraftMode::Literal => "literal",
        })
    }
}

/// What `PUT /training/{id}` does with `metadata`, `start_time` and `end_time` when the body
/// leaves them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OmittedFields {
    /// They keep their values.
    #[default]
    Kept,
    /// They are cleared: `metadata` becomes `{}`, `start_time`/`end_time` null.
    Cleared,
}

impl FromStr for OmittedFields {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "kept" => Ok(OmittedFields::Kept),
            "cleared" => Ok(OmittedFields::Cleared),
            _ => Err(format!(
                "unknown omitted-fields reading `{s}`: use kept or cleared"
            )),
        }
    }
}

impl fmt::Display for OmittedFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OmittedFields::Kept => "kept",
            OmittedFields::Cleared => "cleared",
        })
    }
}

/// What `POST /chat/sessions/{id}/send` answers: open.cx documents both, in different
/// revisions of the same page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChatAnswer {
    /// The AI's answer in the response: `autopilotResponse`, `sessionIsHandedOff`,
    /// `debugInfo` and the rest.
    #[default]
    InResponse,
    /// Only `{success, data: {message: {id}}}`: the answer is read back from
    /// `GET /chat/sessions/{id}/history`.
    IdOnly,
}

impl FromStr for ChatAnswer {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "in-response" => Ok(ChatAnswer::InResponse),
            "id-only" => Ok(ChatAnswer::IdOnly),
            _ => Err(format!(
                "unknown chat answer shape `{s}`: use in-response or id-only"
            )),
        }
    }
}

impl fmt::Display for ChatAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChatAnswer::InResponse => "in-response",
            ChatAnswer::IdOnly => "id-only",
        })
    }
}

/// The readings of the training routes a simulator follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Readings {
    pub draft_mode: DraftMode,
    pub omitted_fields: OmittedFields,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_parse_and_print_back() {
        for mode in [DraftMode::Fields, DraftMode::Literal] {
            assert_eq!(mode.to_string().parse::<DraftMode>().unwrap(), mode);
        }
        for omitted in [OmittedFields::Kept, OmittedFields::Cleared] {
            assert_eq!(
                omitted.to_string().parse::<OmittedFields>().unwrap(),
                omitted
            );
        }
        for shape in [ChatAnswer::InResponse, ChatAnswer::IdOnly] {
            assert_eq!(shape.to_string().parse::<ChatAnswer>().unwrap(), shape);
        }
        assert!("id_only".parse::<ChatAnswer>().is_err());
        assert!("Literal".parse::<DraftMode>().is_err());
        assert!("drop".parse::<OmittedFields>().is_err());
    }
}
