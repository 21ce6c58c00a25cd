//! Debug helper: prints the top hits for a question against the sample directory.
fn main() {
    let engine = dayfinder::Engine::in_memory(&dayfinder::sample::cheshire_east()).unwrap();
    let q = std::env::args().nth(1).unwrap_or_default();
    let r = engine
        .search(&dayfinder::query::SearchQuery::text(q))
        .unwrap();
    println!(
        "total {} understood {:?} notice {:?}",
        r.total, r.understood, r.place_notice
    );
    for h in r.hits.iter().take(8) {
        println!(
            "{:6.2} {:?} {} | {} | {:?} {:?} {:?}",
            h.score, h.distance_miles, h.id, h.town, h.kinds, h.needs, h.days
        );
    }
}
