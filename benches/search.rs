//! Search speed on synthetic directories of 10,000 and 100,000 services: words only,
//! words with filters, and a place with a radius. Run with `cargo bench -p dayfinder`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dayfinder::Engine;
use dayfinder::model::{Need, Weekday};
use dayfinder::query::SearchQuery;

fn queries() -> Vec<(&'static str, SearchQuery)> {
    let text = SearchQuery::text("memory cafe");
    let mut filtered = SearchQuery::text("gardening club");
    filtered.needs = vec![Need::LearningDisability, Need::Autism];
    filtered.days = vec![Weekday::Saturday];
    let mut place = SearchQuery::text("");
    place.place = Some("Manchester".into());
    place.within_miles = Some(10.0);
    let mut question =
        SearchQuery::text("something on Saturdays near Crewe for my dad, he has dementia");
    question.per_page = 20;
    vec![
        ("text", text),
        ("text+filters", filtered),
        ("place+radius", place),
        ("question", question),
    ]
}

fn search(c: &mut Criterion) {
    for size in [10_000, 100_000] {
        let engine = Engine::in_memory(&dayfinder::sample::synthetic(size, 42))
            .expect("synthetic directory loads");
        let mut group = c.benchmark_group(format!("search/{size}"));
        group.sample_size(if size > 10_000 { 20 } else { 50 });
        for (name, q) in queries() {
            group.bench_with_input(BenchmarkId::from_parameter(name), &q, |b, q| {
                b.iter(|| engine.search(q).unwrap())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
