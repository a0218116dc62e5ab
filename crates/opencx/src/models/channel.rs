//! The channels a training can be restricted to. Unknown channel strings from a newer server are
//! kept as they are instead of breaking the list. (The words editors see for each channel are
//! Training Studio's, in `studio::vocabulary`.)

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A conversation channel.
///
/// On the wire and in TypeScript this is a plain string: one of `web`, `email`, `phone_voice`,
/// `slack`, `sms`, `whatsapp`, `instagram`, `messenger`, `api`, `web_voice`, or any other string
/// a newer server may send (kept as [`Channel::Other`] and sent back unchanged).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, type = "string"))]
pub enum Channel {
    Web,
    Email,
    PhoneVoice,
    Slack,
    Sms,
    Whatsapp,
    Instagram,
    Messenger,
    Api,
    WebVoice,
    /// A channel this version of the app does not know; the string as the server sent it.
    Other(String),
}

impl Channel {
    /// Every documented channel, in the dashboard's order.
    pub const KNOWN: [Channel; 10] = [
        Channel::Web,
        Channel::Email,
        Channel::PhoneVoice,
        Channel::Slack,
        Channel::Sms,
        Channel::Whatsapp,
        Channel::Instagram,
        Channel::Messenger,
        Channel::Api,
        Channel::WebVoice,
    ];

    /// The wire string, e.g. `phone_voice`.
    pub fn as_str(&self) -> &str {
        match self {
            Channel::Web => "web",
            Channel::Email => "email",
            Channel::PhoneVoice => "phone_voice",
            Channel::Slack => "slack",
            Channel::Sms => "sms",
            Channel::Whatsapp => "whatsapp",
            Channel::Instagram => "instagram",
            Channel::Messenger => "messenger",
            Channel::Api => "api",
            Channel::WebVoice => "web_voice",
            Channel::Other(s) => s,
        }
    }
}

impl From<&str> for Channel {
    /// Parses a wire string; anything unknown becomes [`Channel::Other`].
    fn from(s: &str) -> Self {
        Channel::KNOWN
            .iter()
            .find(|c| c.as_str() == s)
            .cloned()
            .unwrap_or_else(|| Channel::Other(s.to_string()))
    }
}

impl From<String> for Channel {
    fn from(s: String) -> Self {
        match Channel::from(s.as_str()) {
            Channel::Other(_) => Channel::Other(s),
            known => known,
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Channel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Channel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Channel::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_channel_round_trips_through_its_wire_string() {
        for channel in Channel::KNOWN {
            let json = serde_json::to_string(&channel).unwrap();
            assert_eq!(json, format!("\"{}\"", channel.as_str()));
            assert_eq!(serde_json::from_str::<Channel>(&json).unwrap(), channel);
        }
    }

    #[test]
    fn unknown_channels_are_kept_and_sent_back_unchanged() {
        let list: Vec<Channel> = serde_json::from_str(r#"["web","tiktok","sms"]"#).unwrap();
        assert_eq!(
            list,
            vec![Channel::Web, Channel::Other("tiktok".into()), Channel::Sms]
        );
        assert_eq!(
            serde_json::to_string(&list).unwrap(),
            r#"["web","tiktok","sms"]"#
        );
    }

    #[test]
    fn from_string_never_wraps_a_known_channel_in_other() {
        assert_eq!(Channel::from("web_voice".to_string()), Channel::WebVoice);
    }
}
