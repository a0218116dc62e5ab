//! Preview cost in Rust: markdown → HTML (pulldown-cmark) → sanitized HTML (ammonia), for
//! trainings of 1 KB, 10 KB and 100 KB, beside the unsanitized render as a baseline so the
//! sanitizer's share is visible. Run: `cargo bench -p studio --bench preview`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// One realistic training section: headings, lists, emphasis, a link and a table.
const SECTION: &str = "## Refunds after 30 days\n\n\
Refunds are possible **within 30 days** of delivery, for unworn items with their tags.\n\n\
1. Ask for the order number if it is not in the conversation yet.\n\
2. Look up the delivery date on the order.\n\
3. If it is older, explain the policy kindly and offer *store credit* instead.\n\n\
> Never refund shipping costs unless the item was faulty.\n\n\
| Plan | Price | Returns |\n|---|---|---|\n| Free | 0 € | 30 days |\n| Plus | 5 € | 60 days |\n\n\
More detail: [Refund policy](https://help.example.com/refunds).\n\n";

fn document(bytes: usize) -> String {
    let mut doc = SECTION.repeat(bytes.div_ceil(SECTION.len()));
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

fn preview(c: &mut Criterion) {
    let mut group = c.benchmark_group("preview");
    for kb in [1, 10, 100] {
        let doc = document(kb * 1024);
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("render+sanitize", format!("{kb}KB")),
            &doc,
            |b, doc| b.iter(|| studio::preview::render(doc)),
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
