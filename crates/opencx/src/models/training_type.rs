//! The two kinds of training: always-on behaviour rules and scenario answers.

use serde::{Deserialize, Deserializer, Serialize};

/// `BEHAVIORAL` trainings are always active (tone, guardrails); `SCENARIO_SPECIFIC` ones are
/// matched against the customer's question. A missing, `null` or unknown `type` decodes as
/// `SCENARIO_SPECIFIC`, the API's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum TrainingType {
    Behavioral,
    #[default]
    ScenarioSpecific,
}

impl TrainingType {
    /// The wire string.
    pub fn as_str(&self) -> &'static str {
        match self {
            TrainingType::Behavioral => "BEHAVIORAL",
            TrainingType::ScenarioSpecific => "SCENARIO_SPECIFIC",
        }
    }
}

impl<'de> Deserialize<'de> for TrainingType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Option::<String>::deserialize(deserializer)?;
        Ok(match wire {
            Some(s) if s.eq_ignore_ascii_case("BEHAVIORAL") => TrainingType::Behavioral,
            _ => TrainingType::ScenarioSpecific,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_strings() {
        assert_eq!(
            serde_json::to_string(&TrainingType::Behavioral).unwrap(),
            "\"BEHAVIORAL\""
        );
        assert_eq!(
            serde_json::to_string(&TrainingType::ScenarioSpecific).unwrap(),
            "\"SCENARIO_SPECIFIC\""
        );
        assert_eq!(TrainingType::Behavioral.as_str(), "BEHAVIORAL");
    }

    #[test]
    fn null_and_unknown_types_decode_as_the_default() {
        for json in ["null", "\"FAQ\"", "\"SCENARIO_SPECIFIC\""] {
            assert_eq!(
                serde_json::from_str::<TrainingType>(json).unwrap(),
                TrainingType::ScenarioSpecific,
                "{json}"
            );
        }
        assert_eq!(
            serde_json::from_str::<TrainingType>("\"behavioral\"").unwrap(),
            TrainingType::Behavioral
        );
    }
}
