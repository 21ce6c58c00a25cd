//! The raw tantivy query: the index Dayfinder wrote, asked the words alone through
//! tantivy's own query parser (the same fields and weights), top 20 with their stored
//! cards read, and the count. No filters, facets, places or typo tolerance: the floor
//! under the full search.

use std::path::Path;

use anyhow::Context;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

pub struct Raw {
    reader: IndexReader,
    parser: QueryParser,
}

impl Raw {
    pub fn open(index_dir: &Path) -> anyhow::Result<Raw> {
        let index = Index::open_in_dir(index_dir).context("open the index")?;
        let schema = index.schema();
        let field = |name: &str| schema.get_field(name).context("a field of the index");
        let weighted = [
            ("name", 3.0),
            ("tags", 2.0),
            ("provider", 1.5),
            ("town", 1.0),
            ("body", 1.0),
        ];
        let mut fields = Vec::new();
        for (name, _) in weighted {
            fields.push(field(name)?);
        }
        let mut parser = QueryParser::for_index(&index, fields.clone());
        for (f, (_, boost)) in fields.iter().zip(weighted) {
            parser.set_field_boost(*f, boost);
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Raw { reader, parser })
    }

    /// Returns the total.
    pub fn search(&self, text: &str) -> anyhow::Result<usize> {
        let searcher = self.reader.searcher();
        let (query, _) = self.parser.parse_query_lenient(text);
        let (top, total) =
            searcher.search(&query, &(TopDocs::with_limit(20).order_by_score(), Count))?;
        for (_, address) in top {
            let _card: TantivyDocument = searcher.doc(address)?;
        }
        Ok(total)
    }
}
