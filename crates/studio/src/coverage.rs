//! The coverage map (issue 11, item 3): for the workspace, the trainings in no directory, or one
//! directory ([`CheckUpScope`], the sidebar's choice), a grid of channels (rows) by customers
//! (columns: "All customers" — a customer in no segment, who gets the trainings with no segment
//! ticked — then one column per segment of the workspace). Each cell counts the trainings in
//! scope the AI would be given for a message on that channel from such a customer at one
//! moment, exactly as the reach engine reads them ([`Candidate`]: in use, on the channel, for
//! the segment, inside its window), and the characters of the "Always on" ones among them. An
//! empty cell (no training at all) and a cell whose always-on text is over the budget
//! ([`radar::ALWAYS_ON_BUDGET_CHARS`]) are flagged. For a directory the cells hold what that
//! directory contributes. [`cell_trainings`] lists one cell's trainings.

use chrono::{DateTime, Utc};
use opencx::{Channel, Segment, Training, TrainingType};
use serde::Serialize;
use ts_rs::TS;

use crate::checkup::CheckUpScope;
use crate::radar;
use crate::reach::Candidate;
use crate::vocabulary::{channel_label, type_label, ALL_SEGMENTS};

/// How many trainings a cell's list names; the rest are counted.
pub const CELL_LISTED: usize = 200;

/// The grid (see the module documentation).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CoverageMap {
    /// "All customers", then the workspace's segments in its order.
    pub columns: Vec<CoverageColumn>,
    /// Every channel open.cx documents, in the dashboard's order, then any other channel a
    /// training in scope is limited to.
    pub rows: Vec<CoverageRow>,
    /// The most always-on text one conversation should carry.
    pub budget_chars: u32,
    /// How many trainings are in scope (in use or not).
    pub in_scope: u32,
}

/// A column: the customers it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CoverageColumn {
    /// The segment, or `None` for a customer in no segment ("All customers").
    pub segment_id: Option<String>,
    pub label: String,
}

/// A row: one channel and its cells, one per column.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CoverageRow {
    pub channel: Channel,
    pub label: String,
    pub cells: Vec<CoverageCell>,
}

/// What the AI would be given on one channel for one column's customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[ts(export)]
pub struct CoverageCell {
    /// The trainings that apply.
    pub trainings: u32,
    /// Of those, the "Always on" ones.
    pub always_on: u32,
    /// The characters of those "Always on" trainings together.
    pub always_on_chars: u32,
    /// No training applies.
    pub empty: bool,
    /// `always_on_chars` is over the budget.
    pub over_budget: bool,
}

/// The trainings of one cell.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CellTrainings {
    /// How many trainings apply, named or not.
    pub count: u32,
    /// The first [`CELL_LISTED`]: the "Always on" ones by title, then the others by title.
    pub trainings: Vec<CellTraining>,
    /// Said when the cell's always-on text is over the budget.
    pub warning: Option<String>,
}

/// A training of a cell.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CellTraining {
    pub id: String,
    pub title: String,
    pub training_type: TrainingType,
    /// The characters of its title and content.
    pub chars: u32,
}

/// The coverage map of the trainings of `workspace` in `scope`, at `at`, with a column per
/// segment of `segments`.
pub fn coverage<'a>(
    workspace: impl IntoIterator<Item = &'a Training>,
    segments: &[Segment],
    scope: &CheckUpScope,
    at: DateTime<Utc>,
) -> CoverageMap {
    let in_scope: Vec<&Training> = workspace.into_iter().filter(|t| scope.holds(t)).collect();
    let columns = columns(segments);
    let channels = channels(&in_scope);
    let mut cells = vec![vec![CoverageCell::default(); columns.len()]; channels.len()];
    for training in &in_scope {
        let candidate = Candidate::of(training);
        for (channel, row) in channels.iter().zip(&mut cells) {
            for (column, cell) in columns.iter().zip(row.iter_mut()) {
                if candidate
                    .left_out_reason(channel, column.customer(), at)
                    .is_some()
                {
                    continue;
                }
                cell.trainings += 1;
                if candidate.training_type == TrainingType::Behavioral {
                    cell.always_on += 1;
                    cell.always_on_chars = cell.always_on_chars.saturating_add(candidate.chars());
                }
            }
        }
    }
    let rows = channels
        .into_iter()
        .zip(cells)
        .map(|(channel, mut cells)| {
            for cell in &mut cells {
                cell.empty = cell.trainings == 0;
                cell.over_budget = radar::over_budget(cell.always_on_chars as usize);
            }
            CoverageRow {
                label: channel_label(&channel),
                channel,
                cells,
            }
        })
        .collect();
    CoverageMap {
        columns,
        rows,
        budget_chars: u32::try_from(radar::ALWAYS_ON_BUDGET_CHARS).unwrap_or(u32::MAX),
        in_scope: u32::try_from(in_scope.len()).unwrap_or(u32::MAX),
    }
}

/// The trainings of `workspace` in `scope` that apply on `channel` for a customer in
/// `segment_id` (`None`: in no segment) at `at`: the cell's list.
pub fn cell_trainings<'a>(
    workspace: impl IntoIterator<Item = &'a Training>,
    scope: &CheckUpScope,
    channel: &Channel,
    segment_id: Option<&str>,
    at: DateTime<Utc>,
) -> CellTrainings {
    let customer: Vec<String> = segment_id.map(str::to_owned).into_iter().collect();
    let mut applying: Vec<Candidate<'_>> = workspace
        .into_iter()
        .filter(|t| scope.holds(t))
        .map(Candidate::of)
        .filter(|c| c.left_out_reason(channel, &customer, at).is_none())
        .collect();
    let always_on_chars: u32 = applying
        .iter()
        .filter(|c| c.training_type == TrainingType::Behavioral)
        .fold(0, |sum, c| sum.saturating_add(c.chars()));
    let count = u32::try_from(applying.len()).unwrap_or(u32::MAX);
    let always_on_first = |c: &Candidate<'_>| c.training_type != TrainingType::Behavioral;
    applying.sort_by(|a, b| {
        (always_on_first(a), a.title, a.id).cmp(&(always_on_first(b), b.title, b.id))
    });
    applying.truncate(CELL_LISTED);
    CellTrainings {
        count,
        trainings: applying
            .into_iter()
            .map(|c| CellTraining {
                id: c.id.to_owned(),
                title: c.title.to_owned(),
                training_type: c.training_type,
                chars: c.chars(),
            })
            .collect(),
        warning: radar::over_budget(always_on_chars as usize).then(|| {
            radar::over_budget_sentence(
                &format!(
                    "Here, the \"{}\" trainings",
                    type_label(TrainingType::Behavioral)
                ),
                always_on_chars as usize,
            )
        }),
    }
}

impl CoverageColumn {
    /// The segments of a customer of this column.
    fn customer(&self) -> &[String] {
        self.segment_id.as_slice()
    }
}

fn columns(segments: &[Segment]) -> Vec<CoverageColumn> {
    let everyone = CoverageColumn {
        segment_id: None,
        label: ALL_SEGMENTS.to_owned(),
    };
    std::iter::once(everyone)
        .chain(segments.iter().map(|s| CoverageColumn {
            segment_id: Some(s.id.clone()),
            label: s.name.clone(),
        }))
        .collect()
}

fn channels(trainings: &[&Training]) -> Vec<Channel> {
    let mut channels = Channel::KNOWN.to_vec();
    for training in trainings {
        for channel in &training.restricted_to_channels {
            if !channels.contains(channel) {
                channels.push(channel.clone());
            }
        }
    }
    channels
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::reach::{reach, ReachQuestion};
    use crate::search_index::TrainingIndex;
    use crate::test_support::{segment, training};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap()
    }

    fn segments() -> Vec<Segment> {
        vec![segment("vip", "VIP"), segment("trial", "Trial")]
    }

    fn asked(id: &str, title: &str, content: &str) -> Training {
        let mut t = training(id);
        t.title = title.into();
        t.content = content.into();
        t.training_type = TrainingType::ScenarioSpecific;
        t.start_time = None;
        t
    }

    fn always_on(id: &str, title: &str, chars: usize) -> Training {
        let mut t = asked(id, title, &"a".repeat(chars - title.chars().count()));
        t.training_type = TrainingType::Behavioral;
        t
    }

    fn cell<'m>(
        map: &'m CoverageMap,
        channel: &Channel,
        segment: Option<&str>,
    ) -> &'m CoverageCell {
        let row = map.rows.iter().find(|r| &r.channel == channel).unwrap();
        let column = map
            .columns
            .iter()
            .position(|c| c.segment_id.as_deref() == segment)
            .unwrap();
        &row.cells[column]
    }

    #[test]
    fn no_channel_and_no_segment_ticked_means_every_cell() {
        let everywhere = asked("everywhere", "Opening hours", "9 to 5.");
        let map = coverage([&everywhere], &segments(), &CheckUpScope::Workspace, now());
        let labels: Vec<_> = map.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["All customers", "VIP", "Trial"]);
        assert_eq!(map.rows.len(), Channel::KNOWN.len());
        assert_eq!(map.rows[0].label, "Web chat");
        for row in &map.rows {
            for cell in &row.cells {
                assert_eq!((cell.trainings, cell.always_on, cell.empty), (1, 0, false));
            }
        }
    }

    #[test]
    fn a_limited_training_is_only_in_its_cells_and_empty_and_full_cells_are_flagged() {
        let mut vip_whatsapp = always_on("vip", "VIP on WhatsApp", 5_000);
        vip_whatsapp.restricted_to_channels = vec![Channel::Whatsapp, Channel::Other("fax".into())];
        vip_whatsapp.restricted_to_segments = vec!["vip".into()];
        let mut whatsapp = always_on("wa", "Short answers", 3_500);
        whatsapp.restricted_to_channels = vec![Channel::Whatsapp];
        let mut draft = asked("draft", "Not yet", "Draft text.");
        draft.is_draft = true;
        let trainings = [vip_whatsapp, whatsapp, draft];
        let map = coverage(&trainings, &segments(), &CheckUpScope::Workspace, now());

        let vip = cell(&map, &Channel::Whatsapp, Some("vip"));
        assert_eq!(
            *vip,
            CoverageCell {
                trainings: 2,
                always_on: 2,
                always_on_chars: 8_500,
                empty: false,
                over_budget: true,
            }
        );
        let everyone = cell(&map, &Channel::Whatsapp, None);
        assert_eq!((everyone.trainings, everyone.over_budget), (1, false));
        assert_eq!(cell(&map, &Channel::Whatsapp, Some("trial")).trainings, 1);
        let web = cell(&map, &Channel::Web, Some("vip"));
        assert!(web.empty, "a draft is not in use");
        // A channel only a training names gets its own row, last.
        let last = map.rows.last().unwrap();
        assert_eq!(last.label, "Other channel (fax)");
        assert_eq!(last.cells[1].trainings, 1);

        let listed = cell_trainings(
            &trainings,
            &CheckUpScope::Workspace,
            &Channel::Whatsapp,
            Some("vip"),
            now(),
        );
        let titles: Vec<_> = listed.trainings.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["Short answers", "VIP on WhatsApp"]);
        assert_eq!(listed.count, 2);
        assert!(listed
            .warning
            .unwrap()
            .starts_with("Here, the \"Always on\" trainings add up to 8,500 characters"));
    }

    #[test]
    fn a_directory_holds_only_its_own_trainings() {
        let mut billing = asked("billing", "Invoices", "Send a copy.");
        billing.directory_id = Some("dir-billing".into());
        let loose = asked("loose", "Opening hours", "9 to 5.");
        let trainings = [billing, loose];
        let billing_only = CheckUpScope::Directory {
            id: "dir-billing".into(),
        };
        let map = coverage(&trainings, &segments(), &billing_only, now());
        assert_eq!(map.in_scope, 1);
        assert_eq!(cell(&map, &Channel::Web, None).trainings, 1);
        let listed = cell_trainings(
            &trainings,
            &CheckUpScope::NoDirectory,
            &Channel::Web,
            None,
            now(),
        );
        assert_eq!(listed.trainings[0].id, "loose");
        assert_eq!(listed.count, 1);
    }

    const CHANNELS: [Channel; 3] = [Channel::Web, Channel::Whatsapp, Channel::Email];
    const SEGMENTS: [&str; 3] = ["vip", "trial", "b2b"];

    fn any_training() -> impl Strategy<Value = Training> {
        (
            (any::<bool>(), any::<bool>(), 1usize..4_000),
            prop::sample::subsequence(CHANNELS.to_vec(), 0..=3),
            prop::sample::subsequence(SEGMENTS.to_vec(), 0..=3),
            prop::option::of(-2i64..=2),
            prop::option::of(-2i64..=2),
        )
            .prop_map(
                |((always, is_draft, chars), channels, segments, start, end)| {
                    let mut t = always_on("x", "T", chars.max(2));
                    if !always {
                        t.training_type = TrainingType::ScenarioSpecific;
                    }
                    t.is_draft = is_draft;
                    t.restricted_to_channels = channels;
                    t.restricted_to_segments = segments.into_iter().map(String::from).collect();
                    t.start_time = start.map(|d| now() + chrono::Duration::days(d));
                    t.end_time = end.map(|d| now() + chrono::Duration::days(d));
                    t
                },
            )
    }

    proptest! {
        /// Each cell counts what the reach engine gives for a message on its channel from a
        /// customer of its column, and lists exactly those trainings.
        #[test]
        fn every_cell_agrees_with_the_reach_engine(
            mut trainings in prop::collection::vec(any_training(), 0..16),
        ) {
            for (n, t) in trainings.iter_mut().enumerate() {
                t.id = format!("t{n}");
            }
            let segments: Vec<Segment> = SEGMENTS.iter().map(|s| segment(s, s)).collect();
            let index = TrainingIndex::build(&trainings).unwrap();
            let map = coverage(&trainings, &segments, &CheckUpScope::Workspace, now());
            prop_assert_eq!(map.rows.len(), Channel::KNOWN.len());
            for row in &map.rows {
                for (column, cell) in map.columns.iter().zip(&row.cells) {
                    let question = ReachQuestion {
                        message: String::new(),
                        channel: row.channel.clone(),
                        segment_ids: column.customer().to_vec(),
                        at: now(),
                        utc_offset_minutes: 0,
                        edit: None,
                    };
                    let answer = reach(&question, &trainings, &index, &segments).unwrap();
                    prop_assert_eq!(cell.trainings, answer.always_on_count + answer.when_asked_count);
                    prop_assert_eq!(cell.always_on, answer.always_on_count);
                    prop_assert_eq!(cell.always_on_chars, answer.always_on_chars);
                    prop_assert_eq!(cell.over_budget, answer.always_on_warning.is_some());
                    prop_assert_eq!(cell.empty, cell.trainings == 0);
                    let listed = cell_trainings(
                        &trainings,
                        &CheckUpScope::Workspace,
                        &row.channel,
                        column.segment_id.as_deref(),
                        now(),
                    );
                    prop_assert_eq!(listed.count, cell.trainings);
                    prop_assert_eq!(listed.trainings.len() as u32, cell.trainings);
                    let left_out: Vec<&str> = answer
                        .left_out
                        .iter()
                        .flat_map(|g| &g.trainings)
                        .map(|l| l.id.as_str())
                        .collect();
                    prop_assert!(listed.trainings.iter().all(|t| !left_out.contains(&t.id.as_str())));
                }
            }
        }
    }
}
