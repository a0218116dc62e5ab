//! Preview cost in Rust: markdown → HTML (pulldown-cmark) → sanitized HTML (ammonia), for
//! trainings of 1 KB, 10 KB and 100 KB, beside the unsanitized render as a baseline so the
//! sanitizer's share is visible; and the live preview's answer to a keystroke (every block
//! rendered and keyed, only the edited block sanitized again and sent).
//! Run: `cargo bench -p studio --bench preview`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// One realistic training section: headings, lists, emphasis, a link and a table. `{n}` makes
/// each section's blocks differ from the other sections', as in a real training.
const SECTION: &str = "## Refunds after {n} days\n\n\
Refunds are possible **within {n} days** of delivery, for unworn items with their tags.\n\n\
1. Ask for the order number if it is not in conversation {n} yet.\n\
2. Look up the delivery date on the order.\n\
3. If it is older, explain the policy kindly and offer *store credit* instead.\n\n\
> Never refund shipping costs ({n}) unless the item was faulty.\n\n\
| Plan | Price | Returns |\n|---|---|---|\n| Free | 0 € | {n} days |\n| Plus | 5 € | 60 days |\n\n\
More detail: [Refund policy {n}](https://help.example.com/refunds).\n\n";

/// A document of about `bytes` bytes, its sections numbered from `first`.
fn document(bytes: usize, first: usize) -> String {
    let mut doc = String::with_capacity(bytes + SECTION.len());
    let mut n = first;
    while doc.len() < bytes {
        doc.push_str(&SECTION.replace("{n}", &n.to_string()));
        n += 1;
    }
    let mut end = bytes;
    while !doc.is_char_boundary(end) {
        end -= 1;
    }
    doc.truncate(end);
    doc
}

fn unsanitized(markdown: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::all());
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// `doc` with a letter typed in its middle.
fn typed_in_middle(doc: &str) -> String {
    let middle = (doc.len() / 2..doc.len())
        .find(|&at| doc.is_char_boundary(at))
        .unwrap_or(doc.len());
    format!("{}x{}", &doc[..middle], &doc[middle..])
}

fn preview(c: &mut Criterion) {
    let mut group = c.benchmark_group("preview");
    for kb in [1, 10, 100] {
        let doc = document(kb * 1024, 0);
        // A document with no block in common with `doc`: rendering the two in turn sanitizes
        // every block each time (nothing kept from the render before).
        let other = document(kb * 1024, 1_000_000);
        let docs = [doc.as_str(), other.as_str()];
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("render+sanitize", format!("{kb}KB")),
            &docs,
            |b, docs| {
                let mut turn = 0;
                b.iter(|| {
                    turn += 1;
                    studio::preview::render(docs[turn % 2])
                })
            },
        );
        // Typing: each render differs from the one before by one block, and the page shows the
        // blocks of the one before.
        let edited = typed_in_middle(&doc);
        let texts = [doc.as_str(), edited.as_str()];
        let shown = texts.map(|text| {
            studio::preview::preview_blocks(text, &[])
                .into_iter()
                .map(|block| block.key)
                .collect::<Vec<_>>()
        });
        group.bench_with_input(
            BenchmarkId::new("blocks after a keystroke", format!("{kb}KB")),
            &texts,
            |b, texts| {
                let mut turn = 0;
                b.iter(|| {
                    turn += 1;
                    studio::preview::preview_blocks(texts[turn % 2], &shown[(turn + 1) % 2])
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("render only (baseline)", format!("{kb}KB")),
            &doc,
            |b, doc| b.iter(|| unsanitized(doc)),
        );
    }
    group.finish();
}

criterion_group!(benches, preview);
criterion_main!(benches);
