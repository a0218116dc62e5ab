//! Bad and extreme input at the edges, through the `Studio` service against an in-process
//! opencx-sim over loopback: a 1 MB body, a 10,000-character title, control characters,
//! right-to-left text, emoji, no channels and all ten, 200 segments. Each one either saves and
//! comes back from the server exactly as written (and previews and reviews without hanging), or
//! is refused with a message an editor can act on; nothing panics or hangs.

use std::time::{Duration, Instant};

use opencx::{Channel, Training};
use opencx_sim::{SimConfig, SimHandle, DEFAULT_FULL_TOKEN};
use studio::{ErrorKind, MemoryStore, SaveOutcome, Studio, StudioError, TrainingDraft};

/// A hang guard, not a speed check (speed is measured in the benches, never asserted here): far
/// beyond what a debug build takes on a loaded 2-core machine, so only a hang trips it.
const HUNG: Duration = Duration::from_secs(120);

struct Fixture {
    sim: SimHandle,
    _dir: tempfile::TempDir,
    studio: Studio,
    training: Training,
}

async fn fixture() -> Fixture {
    let sim = opencx_sim::spawn(SimConfig {
        seed: "demo".parse().unwrap(),
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()));
    studio
        .sign_in("Edges", &sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    // What the tests count starts after the sign-in and its check of the draft rules.
    sim.clear_requests();
    let training = studio.load_workspace().await.unwrap().trainings[0].clone();
    Fixture {
        sim,
        _dir: dir,
        studio,
        training,
    }
}

/// A refusal must say what to do in a sentence, not leak a parser's or server's internals.
fn assert_clear(what: &str, error: &StudioError) {
    let message = error.message();
    assert!(
        message.len() > 15 && message.ends_with('.') && !message.contains('{'),
        "{what}: unclear message {message:?} ({:?})",
        error.kind()
    );
    for internal in ["serde", "reqwest", "panick", "unwrap", "at line"] {
        assert!(!message.contains(internal), "{what}: {message:?}");
    }
}

/// Reviews, saves as a draft, reloads from the server; Ok = stored exactly as written.
async fn round_trip(
    f: &Fixture,
    what: &str,
    draft: &TrainingDraft,
) -> Result<Training, StudioError> {
    let started = Instant::now();
    let review = f.studio.review_changes(&f.training.id, draft, false).await;
    assert!(
        started.elapsed() < HUNG,
        "{what}: review took {:?}",
        started.elapsed()
    );
    if let Err(e) = review {
        assert_clear(what, &e);
        return Err(e);
    }
    // Each round trip starts from the server's current version (no conflict to meet here).
    let base = f.studio.get_training(&f.training.id).await.unwrap();
    let started = Instant::now();
    let saved = f
        .studio
        .save_training(&f.training.id, draft, false, base)
        .await;
    assert!(
        started.elapsed() < HUNG,
        "{what}: save took {:?}",
        started.elapsed()
    );
    let saved = match saved {
        Ok(SaveOutcome::Saved { training, .. }) => training,
        Ok(other) => panic!("{what}: not saved: {other:?}"),
        Err(e) => {
            assert_clear(what, &e);
            return Err(e);
        }
    };
    let reloaded = f.studio.get_training(&f.training.id).await.unwrap();
    for t in [&saved, &reloaded] {
        assert_eq!(
            t.shown_title(),
            draft.title,
            "{what}: title changed on the way"
        );
        assert_eq!(
            t.shown_content(),
            draft.content,
            "{what}: content changed on the way"
        );
        assert_eq!(
            t.restricted_to_channels, draft.restricted_to_channels,
            "{what}"
        );
        assert_eq!(
            t.restricted_to_segments, draft.restricted_to_segments,
            "{what}"
        );
    }
    Ok(reloaded)
}

fn draft(f: &Fixture) -> TrainingDraft {
    TrainingDraft::from_training(&f.training)
}

/// The live preview's HTML of `markdown`: every block, none known to the page.
fn preview_html(studio: &Studio, markdown: &str) -> String {
    studio
        .render_preview(markdown, &[])
        .into_iter()
        .filter_map(|block| block.html)
        .collect()
}

#[tokio::test]
async fn a_one_megabyte_body_saves_previews_and_reviews() {
    let f = fixture().await;
    let paragraph =
        "Offer a **refund** within 30 days; see [the policy](https://example.com/p).\n\n";
    let mut d = draft(&f);
    d.content = paragraph.repeat(1024 * 1024 / paragraph.len() + 1);
    assert!(d.content.len() >= 1024 * 1024);
    let started = Instant::now();
    let html = preview_html(&f.studio, &d.content);
    assert!(
        started.elapsed() < HUNG,
        "preview took {:?}",
        started.elapsed()
    );
    assert!(html.contains("<strong>refund</strong>"));
    round_trip(&f, "1 MB content", &d).await.unwrap();
}

#[tokio::test]
async fn a_ten_thousand_character_title_saves_or_is_refused_clearly() {
    let f = fixture().await;
    let mut d = draft(&f);
    d.title = "Refund questions ".repeat(600)[..10_000].to_owned();
    assert_eq!(d.title.chars().count(), 10_000);
    round_trip(&f, "10,000-character title", &d).await.unwrap();
}

#[tokio::test]
async fn control_characters_survive_exactly() {
    let f = fixture().await;
    let mut d = draft(&f);
    d.title = "Tab\there, bell\u{7}, escape\u{1b}[31m, delete\u{7f}, nul\u{0} end".into();
    d.content =
        "Line one\r\nLine two\rthree\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{85}\u{2028}\u{2029}\nend"
            .into();
    round_trip(&f, "control characters", &d).await.unwrap();
    let html = preview_html(&f.studio, &d.content);
    assert!(html.contains("end"), "{html:?}");
}

#[tokio::test]
async fn a_title_of_only_spaces_and_control_characters_is_refused_clearly() {
    let f = fixture().await;
    let mut d = draft(&f);
    d.title = " \t\n\u{a0}\u{3000} ".into();
    let err = round_trip(&f, "blank title", &d).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    d.title = "Fine".into();
    d.content = "\n\n \t ".into();
    let err = round_trip(&f, "blank content", &d).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn right_to_left_text_and_emoji_survive_and_are_found() {
    let f = fixture().await;
    let mut d = draft(&f);
    d.title = "החזרים — استرداد 👩‍👩‍👧‍👦 🇮🇱 ✔︎".into();
    d.content = "## מדיניות\n\nالعميل يطلب **استرداد** 💸\u{202E}txet desrever\u{202C} e\u{301}\u{301} 🏳️‍🌈\n".into();
    round_trip(&f, "RTL and emoji", &d).await.unwrap();
    let html = preview_html(&f.studio, &d.content);
    assert!(html.contains("<strong>استرداد</strong>"), "{html}");
    for query in ["استرداد", "👩‍👩‍👧‍👦", "החזרים"] {
        let found = f.studio.search_trainings(query).await.unwrap();
        assert!(
            found.contains(&f.training.id),
            "search for {query:?} found {found:?}"
        );
    }
}

#[tokio::test]
async fn no_channels_and_all_ten_channels() {
    let f = fixture().await;
    let mut d = draft(&f);
    d.restricted_to_channels = Vec::new();
    round_trip(&f, "no channels", &d).await.unwrap();
    d.restricted_to_channels = Channel::KNOWN.to_vec();
    let t = round_trip(&f, "all ten channels", &d).await.unwrap();
    assert_eq!(t.restricted_to_channels.len(), 10);
}

#[tokio::test]
async fn two_hundred_segments() {
    let f = fixture().await;
    let mut d = draft(&f);
    let known: Vec<String> = f
        .studio
        .load_workspace()
        .await
        .unwrap()
        .segments
        .into_iter()
        .map(|s| s.id)
        .collect();
    d.restricted_to_segments = known
        .iter()
        .cloned()
        .chain((known.len()..200).map(|i| format!("seg_unknown_{i:03}")))
        .collect();
    assert_eq!(d.restricted_to_segments.len(), 200);
    let t = round_trip(&f, "200 segments", &d).await.unwrap();
    assert_eq!(t.restricted_to_segments.len(), 200);
    let puts = f
        .sim
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .count();
    assert_eq!(puts, 1, "one PUT carries all 200");
}
