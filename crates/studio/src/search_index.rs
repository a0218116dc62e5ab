//! The one full-text index of a workspace's trainings ([`TrainingIndex`]): tantivy, in memory,
//! words stemmed the English way ("refunds", "refunded" and "refund" are one word), kept in step
//! with the open workspace's trainings one training at a time (`open_workspace.rs`), never
//! rebuilt for one change. It answers two questions:
//!
//! - [`TrainingIndex::rank`]: whose live text (the `title` and `content` the AI uses) matches a
//!   customer's message, and how well, by tantivy's BM25. The reach engine (`reach.rs`, "What
//!   will the AI see?") ranks the "when asked" trainings with it. One training's unsaved edit can
//!   stand in for what the index holds for it for that one question ([`Replacement`]): every
//!   score is then computed with the statistics the index would have if the edit were indexed.
//! - [`TrainingIndex::neighbours`]: the trainings whose text (live or unpublished draft) is most
//!   like one training's own text, by a more-like-this query (its most telling words). Issue 12's "Similar
//!   trainings" and workspace check-up take their candidate pairs from it, so no check compares
//!   every pair of trainings.
//!
//! Each training is one document with its live title and content and, where it has one, its
//! unpublished draft title and content, in four fields; a number of the index's own ([`Entry`])
//! ties the document to the training's id. Nothing is stored but that number: the text stays in
//! the workspace's cache.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use opencx::Training;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::indexer::IndexWriterOptions;
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, BooleanQuery, BoostQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
use tantivy::{
    DocId, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, SegmentOrdinal,
    SegmentReader, TantivyDocument, Term, TERMINATED,
};

use crate::error::{ErrorKind, Result, StudioError};

/// The name the analyzer is registered under in the index.
const ANALYZER: &str = "studio_english";

/// Words too common in customer messages and instructions to say what they are about: Lucene's
/// English stop words (tantivy's list), then the pronouns, question words and helper verbs
/// customers start their messages with ("Where is my parcel?" is about "parcel").
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with", "i", "me", "my", "we", "us", "our", "you", "your",
    "he", "she", "his", "her", "its", "what", "where", "when", "how", "why", "who", "which", "do",
    "does", "did", "can", "could", "would", "should", "have", "has", "had", "am", "been", "so",
];

/// Words longer than this are left out (hashes, links pasted whole).
const LONGEST_WORD: usize = 40;

/// How many distinct words of a message count (one bit each in [`Hit::words`]); a customer's
/// message rarely has a tenth of them.
const MESSAGE_WORDS: usize = 64;

/// How many words of a training's text the more-like-this query keeps (its most telling).
const NEIGHBOUR_QUERY_WORDS: usize = 25;

/// The analyzer of every field and every question: words split on what is not a letter or a
/// digit, lower-cased, accents folded, stop words left out, stemmed.
fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|w| (*w).to_owned()),
        ))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The text of one training as the index holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IndexedText<'a> {
    /// What the AI uses once the training is in use: `title` and `content`.
    pub live: Text<'a>,
    /// The saved, unpublished draft, where there is one.
    pub draft: Option<Text<'a>>,
}

impl<'a> IndexedText<'a> {
    pub fn of(training: &'a Training) -> Self {
        let draft = training.has_unpublished_changes().then(|| Text {
            title: training.shown_title(),
            content: training.shown_content(),
        });
        IndexedText {
            live: Text::live(training),
            draft,
        }
    }

    /// Tells whether two trainings' texts differ without keeping them.
    fn fingerprint(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish()
    }
}

/// A title and a content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text<'a> {
    pub title: &'a str,
    pub content: &'a str,
}

impl<'a> Text<'a> {
    /// The live text of `training`: what the AI uses while it is in use.
    pub fn live(training: &'a Training) -> Self {
        Text {
            title: &training.title,
            content: &training.content,
        }
    }
}

/// One training's unsaved edit, read in place of what the index holds for it (`old`, its live
/// text as the workspace has it; `None` for a training the index does not hold) for one
/// question.
#[derive(Debug, Clone, Copy)]
pub struct Replacement<'a> {
    pub id: &'a str,
    pub old: Option<Text<'a>>,
    pub new: Text<'a>,
}

/// How well one training's live text matches a message.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// tantivy's BM25 score (above 0).
    pub score: f32,
    /// The message's words (as the customer wrote them, in their order) found in the text.
    pub matched_words: Vec<String>,
}

/// Every training whose live text shares a word with a message ([`TrainingIndex::rank`]): its
/// score and which of the message's words it holds, kept as a bit per word, so a ranking over
/// 10,000 trainings copies no id and writes out no word until a training's match is read.
pub struct Ranking<'a> {
    words: Vec<MessageWord>,
    hits: HashMap<&'a str, (Score, u64)>,
}

impl Ranking<'_> {
    /// How many trainings share a word with the message.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.hits.contains_key(id)
    }

    /// The BM25 score of training `id`, if it shares a word with the message.
    pub fn score(&self, id: &str) -> Option<f32> {
        self.hits.get(id).map(|(score, _)| *score)
    }

    /// Each training that shares a word with the message, with its score, in no order.
    pub fn scores(&self) -> impl Iterator<Item = (&str, f32)> {
        self.hits.iter().map(|(id, (score, _))| (*id, *score))
    }

    /// How training `id` matches the message, if it shares a word with it.
    pub fn get(&self, id: &str) -> Option<Scored> {
        let (score, found) = *self.hits.get(id)?;
        let matched_words = self
            .words
            .iter()
            .enumerate()
            .filter(|(n, _)| found & (1 << n) != 0)
            .map(|(_, word)| word.written.clone())
            .collect();
        Some(Scored {
            score,
            matched_words,
        })
    }
}

/// A training like another one, and how like it (more-like-this score, above 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbour {
    pub id: String,
    pub score: f32,
}

/// The index's fields.
#[derive(Clone, Copy)]
struct Fields {
    /// The [`Entry::key`] of the document's training.
    key: Field,
    live_title: Field,
    live_content: Field,
    draft_title: Field,
    draft_content: Field,
}

impl Fields {
    fn schema() -> (Schema, Fields) {
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let mut builder = Schema::builder();
        let fields = Fields {
            key: builder.add_u64_field("key", INDEXED | FAST),
            live_title: builder.add_text_field("live_title", text.clone()),
            live_content: builder.add_text_field("live_content", text.clone()),
            draft_title: builder.add_text_field("draft_title", text.clone()),
            draft_content: builder.add_text_field("draft_content", text),
        };
        (builder.build(), fields)
    }

    /// The fields the AI's text is in.
    fn live(&self) -> [Field; 2] {
        [self.live_title, self.live_content]
    }

    fn document(&self, key: u64, text: &IndexedText<'_>) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_u64(self.key, key);
        doc.add_text(self.live_title, text.live.title);
        doc.add_text(self.live_content, text.live.content);
        if let Some(draft) = text.draft {
            doc.add_text(self.draft_title, draft.title);
            doc.add_text(self.draft_content, draft.content);
        }
        doc
    }
}

/// What the index holds for one training.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The document's number (a training's id can be any string; a number is a fast field).
    key: u64,
    fingerprint: u64,
}

/// The full-text index of one workspace's trainings (see the module documentation).
pub struct TrainingIndex {
    fields: Fields,
    writer: IndexWriter,
    reader: IndexReader,
    analyzer: TextAnalyzer,
    entries: HashMap<String, Entry>,
    ids: HashMap<u64, String>,
    next_key: u64,
}

impl TrainingIndex {
    /// An empty index.
    pub fn new() -> Result<Self> {
        let (schema, fields) = Fields::schema();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(ANALYZER, analyzer());
        let options = IndexWriterOptions::builder()
            .num_worker_threads(1)
            .num_merge_threads(1)
            .build();
        let writer = index.writer_with_options(options).map_err(index_error)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(index_error)?;
        Ok(TrainingIndex {
            fields,
            writer,
            reader,
            analyzer: analyzer(),
            entries: HashMap::new(),
            ids: HashMap::new(),
            next_key: 0,
        })
    }

    /// An index of `trainings`.
    pub fn build<'a>(trainings: impl IntoIterator<Item = &'a Training>) -> Result<Self> {
        let mut index = TrainingIndex::new()?;
        index.sync(trainings)?;
        Ok(index)
    }

    /// How many trainings the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the index holds a training with this id.
    pub fn contains(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// Adds `training`, or replaces what the index holds for it; nothing happens when its text
    /// did not change. Searchable when this returns.
    pub fn put(&mut self, training: &Training) -> Result<()> {
        if self.stage(training)? {
            self.commit()?;
        }
        Ok(())
    }

    /// Forgets the training with this id (nothing happens when the index does not hold it).
    pub fn remove(&mut self, id: &str) -> Result<()> {
        if self.unstage(id) {
            self.commit()?;
        }
        Ok(())
    }

    /// Makes the index hold exactly `trainings`: the ones it does not hold or whose text
    /// changed are (re)indexed, the ones missing are forgotten, the rest are left as they are;
    /// one commit for all.
    pub fn sync<'a>(&mut self, trainings: impl IntoIterator<Item = &'a Training>) -> Result<()> {
        let mut kept = HashSet::new();
        let mut changed = false;
        for training in trainings {
            changed |= self.stage(training)?;
            kept.insert(training.id.as_str());
        }
        let gone: Vec<String> = self
            .entries
            .keys()
            .filter(|id| !kept.contains(id.as_str()))
            .cloned()
            .collect();
        for id in gone {
            changed |= self.unstage(&id);
        }
        if changed {
            self.commit()?;
        }
        Ok(())
    }

    /// Queues `training` for the next commit when its text changed; whether it did.
    fn stage(&mut self, training: &Training) -> Result<bool> {
        let text = IndexedText::of(training);
        let fingerprint = text.fingerprint();
        if let Some(entry) = self.entries.get(&training.id) {
            if entry.fingerprint == fingerprint {
                return Ok(false);
            }
        }
        self.unstage(&training.id);
        let key = self.next_key;
        self.next_key += 1;
        self.writer
            .add_document(self.fields.document(key, &text))
            .map_err(index_error)?;
        self.entries
            .insert(training.id.clone(), Entry { key, fingerprint });
        self.ids.insert(key, training.id.clone());
        Ok(true)
    }

    /// Queues the removal of the training with this id for the next commit; whether the index
    /// held it.
    fn unstage(&mut self, id: &str) -> bool {
        let Some(entry) = self.entries.remove(id) else {
            return false;
        };
        self.ids.remove(&entry.key);
        self.writer
            .delete_term(Term::from_field_u64(self.fields.key, entry.key));
        true
    }

    fn commit(&mut self) -> Result<()> {
        self.writer.commit().map_err(index_error)?;
        self.reader.reload().map_err(index_error)
    }

    /// The trainings whose live text shares a word with `message`, by id, each with its BM25
    /// score and the words it shares. With a `replacement`, its new text is scored in place of
    /// what the index holds for its id, and every score is computed as if the index held the
    /// new text instead (the words' frequencies and the texts' average length change with it).
    pub fn rank<'a>(
        &'a self,
        message: &str,
        replacement: Option<Replacement<'a>>,
    ) -> Result<Ranking<'a>> {
        let words = self.message_words(message);
        if words.is_empty() {
            return Ok(Ranking {
                words,
                hits: HashMap::new(),
            });
        }
        let searcher = self.reader.searcher();
        let stats = ReplacedStatistics {
            searcher: &searcher,
            old: replacement
                .filter(|r| self.contains(r.id))
                .and_then(|r| r.old)
                .map(|text| self.analyze(text)),
            new: replacement.map(|r| self.analyze(r.new)),
        };
        let query = self.live_query(words.iter().map(|w| w.stem.as_str()));
        let collector = Hits {
            words: words
                .iter()
                .map(|w| {
                    self.fields
                        .live()
                        .map(|f| Term::from_field_text(f, &w.stem))
                })
                .collect(),
        };
        let found = searcher
            .search_with_statistics_provider(&query, &collector, &stats)
            .map_err(index_error)?;
        let replaced_key = replacement
            .and_then(|r| self.entries.get(r.id))
            .map(|e| e.key);
        let mut hits = HashMap::with_capacity(found.len() + 1);
        for hit in found {
            if Some(hit.key) == replaced_key {
                continue;
            }
            if let Some(id) = self.ids.get(&hit.key) {
                hits.insert(id.as_str(), (hit.score, hit.words));
            }
        }
        if let (Some(replacement), Some(new)) = (replacement, &stats.new) {
            if let Some(scored) = self.score_analyzed(&words, new, &stats)? {
                hits.insert(replacement.id, scored);
            }
        }
        Ok(Ranking { words, hits })
    }

    /// Up to `limit` trainings other than `id` whose text (live or draft) is most like `text`
    /// (the training's own text, or its unsaved edit), most alike first. Issue 12's "Similar
    /// trainings" and check-up take their candidates from here.
    pub fn neighbours(&self, id: &str, text: Text<'_>, limit: usize) -> Result<Vec<Neighbour>> {
        if limit == 0 || self.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let query = self.neighbour_query(&searcher, text)?;
        // The best `limit` and one more, in case `id` itself is among them: tantivy keeps only
        // those while it searches (block-max WAND skips what cannot make it), instead of every
        // training sharing a word with the text.
        let best = TopDocs::with_limit(limit + 1).order_by_score();
        let found = searcher.search(&query, &best).map_err(index_error)?;
        let mut neighbours = Vec::with_capacity(found.len());
        for (score, address) in found {
            let keys = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("key")
                .map_err(index_error)?;
            let Some(other) = keys.first(address.doc_id).and_then(|k| self.ids.get(&k)) else {
                continue;
            };
            if other != id {
                neighbours.push(Neighbour {
                    id: other.clone(),
                    score,
                });
            }
        }
        neighbours.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        neighbours.truncate(limit);
        Ok(neighbours)
    }

    /// The more-like-this query of `text`: its [`NEIGHBOUR_QUERY_WORDS`] most telling words (how
    /// often the text uses a word, times how rare the word is in the index), each matched in the
    /// field of the same kind (title, content) of the live and the draft text, boosted by how
    /// telling it is. tantivy's `MoreLikeThisQuery` works the same way, but weighs rarity by the
    /// documents alive while counting the documents that hold a word with those replaced since
    /// the last merge, so a word of a training just edited that is in every document of a small
    /// index made it panic; here both counts include the replaced documents, as BM25's do.
    fn neighbour_query(&self, searcher: &Searcher, text: Text<'_>) -> Result<BooleanQuery> {
        let f = self.fields;
        let mut analyzer = self.analyzer.clone();
        let mut frequencies: HashMap<Term, u32> = HashMap::new();
        for (value, fields) in [
            (text.title, [f.live_title, f.draft_title]),
            (text.content, [f.live_content, f.draft_content]),
        ] {
            let mut stream = analyzer.token_stream(value);
            while let Some(token) = stream.next() {
                for field in fields {
                    *frequencies
                        .entry(Term::from_field_text(field, &token.text))
                        .or_default() += 1;
                }
            }
        }
        let documents = Bm25StatisticsProvider::total_num_docs(searcher).map_err(index_error)?;
        let mut telling: Vec<(Score, Term)> = Vec::new();
        for (term, frequency) in frequencies {
            let holding = searcher.doc_freq(&term).map_err(index_error)?;
            if holding == 0 {
                continue;
            }
            let rarity = ((documents - holding) as Score + 0.5) / (holding as Score + 0.5);
            telling.push((frequency as Score * rarity.ln_1p(), term));
        }
        telling.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        telling.truncate(NEIGHBOUR_QUERY_WORDS);
        let best = telling.first().map_or(1.0, |(score, _)| *score);
        Ok(BooleanQuery::new(
            telling
                .into_iter()
                .map(|(score, term)| {
                    let term: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    let boosted: Box<dyn Query> = Box::new(BoostQuery::new(term, score / best));
                    (Occur::Should, boosted)
                })
                .collect(),
        ))
    }

    /// Any query over the live title and content that matches one of these stems.
    fn live_query<'s>(&self, stems: impl IntoIterator<Item = &'s str>) -> BooleanQuery {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for stem in stems {
            for field in self.fields.live() {
                let term = Term::from_field_text(field, stem);
                clauses.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                ));
            }
        }
        BooleanQuery::new(clauses)
    }

    /// The message's distinct words (its first [`MESSAGE_WORDS`]), each with the first spelling
    /// the customer used.
    fn message_words(&self, message: &str) -> Vec<MessageWord> {
        let mut words: Vec<MessageWord> = Vec::new();
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(message);
        while let Some(token) = stream.next() {
            if words.len() == MESSAGE_WORDS {
                break;
            }
            if words.iter().any(|w| w.stem == token.text) {
                continue;
            }
            words.push(MessageWord {
                stem: token.text.clone(),
                written: message[token.offset_from..token.offset_to].to_owned(),
            });
        }
        words
    }

    /// The words of a live text, field by field, as the index would hold them.
    fn analyze(&self, text: Text<'_>) -> Analyzed {
        let mut analyzer = self.analyzer.clone();
        let [title_field, content_field] = self.fields.live();
        let mut count = |field: Field, value: &str| {
            let mut terms = HashMap::new();
            let mut length = 0u32;
            let mut stream = analyzer.token_stream(value);
            while let Some(token) = stream.next() {
                length += 1;
                *terms.entry(token.text.clone()).or_insert(0u32) += 1;
            }
            AnalyzedField {
                field,
                length,
                terms,
            }
        };
        Analyzed {
            fields: [
                count(title_field, text.title),
                count(content_field, text.content),
            ],
        }
    }

    /// The BM25 score of a text that is not in the index, the way the index scores its own
    /// documents (tantivy's [`Bm25Weight`] per word and field, summed), with `stats`, and a bit
    /// per word of `words` it holds; nothing when it holds none.
    fn score_analyzed(
        &self,
        words: &[MessageWord],
        text: &Analyzed,
        stats: &ReplacedStatistics<'_>,
    ) -> Result<Option<(Score, u64)>> {
        let mut score = 0.0;
        let mut found = 0u64;
        for (n, word) in words.iter().enumerate() {
            for field in &text.fields {
                let Some(&term_freq) = field.terms.get(&word.stem) else {
                    continue;
                };
                found |= 1 << n;
                let term = Term::from_field_text(field.field, &word.stem);
                let weight = Bm25Weight::for_terms(stats, &[term]).map_err(index_error)?;
                score += weight.score(FieldNormReader::fieldnorm_to_id(field.length), term_freq);
            }
        }
        Ok((found != 0).then_some((score, found)))
    }
}

/// A word of a customer's message: its stem, and how the customer wrote it.
struct MessageWord {
    stem: String,
    written: String,
}

/// A live text's words, as the index would hold them.
struct Analyzed {
    fields: [AnalyzedField; 2],
}

struct AnalyzedField {
    field: Field,
    /// How many words the field has (tantivy's field norm).
    length: u32,
    /// How often each stem occurs.
    terms: HashMap<String, u32>,
}

impl Analyzed {
    fn field(&self, field: Field) -> Option<&AnalyzedField> {
        self.fields.iter().find(|f| f.field == field)
    }

    fn length(&self, field: Field) -> u64 {
        self.field(field).map_or(0, |f| u64::from(f.length))
    }

    fn has(&self, term: &Term) -> bool {
        let value = term.value();
        let Some(stem) = value.as_str() else {
            return false;
        };
        self.field(term.field())
            .is_some_and(|f| f.terms.contains_key(stem))
    }
}

/// The index's BM25 statistics with one training's text replaced by another (`old` out, `new`
/// in); without a replacement, the index's own.
struct ReplacedStatistics<'a> {
    searcher: &'a Searcher,
    old: Option<Analyzed>,
    new: Option<Analyzed>,
}

impl Bm25StatisticsProvider for ReplacedStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let indexed = self.searcher.total_num_tokens(field)?;
        let old = self.old.as_ref().map_or(0, |t| t.length(field));
        let new = self.new.as_ref().map_or(0, |t| t.length(field));
        Ok(indexed.saturating_sub(old) + new)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        let indexed = Bm25StatisticsProvider::total_num_docs(self.searcher)?;
        let added = u64::from(self.new.is_some() && self.old.is_none());
        Ok(indexed + added)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let indexed = self.searcher.doc_freq(term)?;
        let old = u64::from(self.old.as_ref().is_some_and(|t| t.has(term)));
        let new = u64::from(self.new.as_ref().is_some_and(|t| t.has(term)));
        // Never more documents with the word than documents (tantivy's BM25 insists).
        Ok((indexed.saturating_sub(old) + new).min(self.total_num_docs()?))
    }
}

/// One document a query matched: its [`Entry::key`], its score, and which of the collector's
/// words it holds (bit `n` for word `n`).
struct Hit {
    key: u64,
    score: Score,
    words: u64,
}

/// Collects every document a scored query matches, with the words of `words` each holds
/// (each word as its terms in the live fields), read from the segment's postings once.
struct Hits {
    words: Vec<[Term; 2]>,
}

struct SegmentHits {
    keys: Column<u64>,
    /// Per document of the segment, the words it holds.
    words: Vec<u64>,
    found: Vec<Hit>,
}

impl Collector for Hits {
    type Fruit = Vec<Hit>;
    type Child = SegmentHits;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentHits> {
        let mut words = Vec::new();
        if !self.words.is_empty() {
            words = vec![0u64; segment.max_doc() as usize];
            for (n, terms) in self.words.iter().enumerate() {
                for term in terms {
                    let inverted = segment.inverted_index(term.field())?;
                    let Some(mut postings) =
                        inverted.read_postings(term, IndexRecordOption::Basic)?
                    else {
                        continue;
                    };
                    while postings.doc() != TERMINATED {
                        words[postings.doc() as usize] |= 1 << n;
                        postings.advance();
                    }
                }
            }
        }
        Ok(SegmentHits {
            keys: segment.fast_fields().u64("key")?,
            words,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, segments: Vec<Vec<Hit>>) -> tantivy::Result<Self::Fruit> {
        Ok(segments.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentHits {
    type Fruit = Vec<Hit>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(key) = self.keys.first(doc) {
            let words = self.words.get(doc as usize).copied().unwrap_or(0);
            self.found.push(Hit { key, score, words });
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

/// The index failed in memory, which only a bug does: said as something to try again.
fn index_error(e: tantivy::TantivyError) -> StudioError {
    tracing::warn!("the trainings' search index failed: {e}");
    StudioError::new(
        ErrorKind::Io,
        "Training Studio could not search this workspace's trainings just now. Try again; if it \
         keeps happening, reload the workspace.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    fn with_text(id: &str, title: &str, content: &str) -> Training {
        let mut t = training(id);
        t.title = title.into();
        t.content = content.into();
        t
    }

    /// A support team's "when asked" trainings.
    fn workspace() -> Vec<Training> {
        vec![
            with_text(
                "parcel",
                "Where is my parcel?",
                "Ask for the order number, look up the tracking link and tell the customer \
                 where the parcel is and when it will arrive.",
            ),
            with_text(
                "refund",
                "Refunds",
                "Customers can get a refund within 30 days of delivery. Refunds go back to the \
                 card that paid; once refunded, the money shows within 5 working days.",
            ),
            with_text(
                "address",
                "Change the delivery address",
                "Before the order ships, the delivery address can be changed from the account \
                 page.",
            ),
            with_text(
                "opening",
                "Opening hours",
                "The support team answers from 9:00 to 17:00, Monday to Friday.",
            ),
        ]
    }

    fn best(index: &TrainingIndex, message: &str) -> Vec<String> {
        let ranked = index.rank(message, None).unwrap();
        let mut ids: Vec<(&str, f32)> = ranked.scores().collect();
        ids.sort_by(|a, b| b.1.total_cmp(&a.1));
        ids.into_iter().map(|(id, _)| id.to_owned()).collect()
    }

    #[test]
    fn the_training_about_the_question_ranks_first() {
        let index = TrainingIndex::build(&workspace()).unwrap();
        assert_eq!(index.len(), 4);
        assert_eq!(best(&index, "Where is my parcel?")[0], "parcel");
        assert_eq!(best(&index, "How do I get a refund?")[0], "refund");
        // "open" and "opening" share a stem: the opening hours, and only them.
        assert_eq!(best(&index, "When are you open?"), ["opening"]);
    }

    #[test]
    fn words_are_matched_by_their_stem_and_named_as_the_customer_wrote_them() {
        let index = TrainingIndex::build(&workspace()).unwrap();
        let ranked = index.rank("I was REFUNDED twice, refunds!", None).unwrap();
        let refund = ranked.get("refund").unwrap();
        assert_eq!(refund.matched_words, ["REFUNDED"]);
        assert!(refund.score > 0.0);
        assert_eq!(ranked.len(), 1);
        // Stop words and question words alone match nothing.
        assert!(index
            .rank("Where is it? How do I?", None)
            .unwrap()
            .is_empty());
        assert!(index.rank("", None).unwrap().is_empty());
    }

    #[test]
    fn one_training_is_replaced_or_forgotten_without_a_rebuild() {
        let mut trainings = workspace();
        let mut index = TrainingIndex::build(&trainings).unwrap();
        trainings[3].content = "Parcels lost in the post: open a claim with the carrier.".into();
        index.put(&trainings[3]).unwrap();
        let ranked = index.rank("my parcel is lost", None).unwrap();
        assert_eq!(
            ranked.get("opening").unwrap().matched_words,
            ["parcel", "lost"]
        );
        assert_eq!(best(&index, "my parcel is lost")[0], "opening");
        assert!(!index.rank("Monday", None).unwrap().contains_key("opening"));

        index.remove("parcel").unwrap();
        assert!(!index.contains("parcel"));
        assert_eq!(index.len(), 3);
        assert!(!index
            .rank("tracking link", None)
            .unwrap()
            .contains_key("parcel"));
        index.remove("parcel").unwrap();

        let mut draft = trainings[1].clone();
        draft.draft_content = Some("Store credit instead of money back.".into());
        index.put(&draft).unwrap();
        assert!(
            index.rank("refund", None).unwrap().contains_key("refund"),
            "the live text stays what the AI uses"
        );
        assert!(!index
            .rank("store credit", None)
            .unwrap()
            .contains_key("refund"));
    }

    #[test]
    fn sync_holds_exactly_the_trainings_given() {
        let mut trainings = workspace();
        let mut index = TrainingIndex::build(&trainings).unwrap();
        trainings.remove(0);
        trainings[0].title = "Money back".into();
        trainings.push(with_text("new", "Gift cards", "Gift cards never expire."));
        index.sync(&trainings).unwrap();
        assert_eq!(index.len(), 4);
        assert!(!index.contains("parcel"));
        assert!(index.rank("gift card", None).unwrap().contains_key("new"));
        assert_eq!(
            index
                .rank("money", None)
                .unwrap()
                .get("refund")
                .unwrap()
                .matched_words,
            ["money"]
        );
        assert!(index.rank("tracking", None).unwrap().is_empty());
    }

    /// An unsaved edit scored in place of a training gets the scores the index gives once the
    /// edit is indexed, and so does every other training.
    #[test]
    fn an_edit_is_scored_as_if_it_were_indexed() {
        let before = workspace();
        let mut after = workspace();
        after[2].title = "Lost parcel".into();
        after[2].content = "If the parcel has not arrived after 10 days, send a new parcel.".into();
        let asked = "My parcel has not arrived, where is it?";

        let index = TrainingIndex::build(&before).unwrap();
        let replacement = Replacement {
            id: "address",
            old: Some(Text::live(&before[2])),
            new: Text::live(&after[2]),
        };
        let guessed = index.rank(asked, Some(replacement)).unwrap();
        let edited = TrainingIndex::build(&after).unwrap();
        let indexed = edited.rank(asked, None).unwrap();
        let ids = |ranked: &Ranking<'_>| -> HashSet<String> {
            ranked.scores().map(|(id, _)| id.to_owned()).collect()
        };
        assert_eq!(ids(&guessed), ids(&indexed));
        for (id, score) in indexed.scores() {
            let guess = guessed.get(id).unwrap();
            assert!(
                (guess.score - score).abs() < 1e-4,
                "{id}: {} vs {score}",
                guess.score
            );
            assert_eq!(guess.matched_words, indexed.get(id).unwrap().matched_words);
        }
        assert!(!index.rank(asked, None).unwrap().contains_key("address"));

        // A training the index does not hold yet is scored as one more document.
        let new = with_text("new", "Lost parcel", "Send a new parcel.");
        let mut with_new = workspace();
        with_new.push(new.clone());
        let guessed = index
            .rank(
                asked,
                Some(Replacement {
                    id: "new",
                    old: None,
                    new: Text::live(&new),
                }),
            )
            .unwrap();
        let grown = TrainingIndex::build(&with_new).unwrap();
        let indexed = grown.rank(asked, None).unwrap();
        assert!((guessed.score("new").unwrap() - indexed.score("new").unwrap()).abs() < 1e-4);
    }

    #[test]
    fn neighbours_are_the_trainings_like_it_and_never_itself() {
        let mut trainings = workspace();
        let mut twin = with_text(
            "refund-twin",
            "Refund requests",
            "A refund can be given within 30 days of delivery, back to the card that paid.",
        );
        twin.draft_content = Some("Refunds within 14 days of delivery.".into());
        trainings.push(twin);
        let index = TrainingIndex::build(&trainings).unwrap();
        let refund = Text::live(&trainings[1]);
        let found = index.neighbours("refund", refund, 3).unwrap();
        assert_eq!(found[0].id, "refund-twin");
        assert!(found.iter().all(|n| n.id != "refund" && n.score > 0.0));
        assert!(found.len() <= 3);
        assert!(index.neighbours("refund", refund, 0).unwrap().is_empty());
        // An unsaved text finds its neighbours too; a text of stop words finds none.
        let typing = Text {
            title: "Opening times",
            content: "We answer Monday to Friday",
        };
        assert_eq!(index.neighbours("x", typing, 1).unwrap()[0].id, "opening");
        let nothing = Text {
            title: "Where is it?",
            content: "",
        };
        assert!(index.neighbours("x", nothing, 5).unwrap().is_empty());
    }

    #[test]
    fn neighbours_of_a_training_just_edited_in_a_small_index_are_found() {
        // Replaced documents still count in tantivy's document frequencies until a merge.
        let mut long = with_text(
            "long",
            "Can I get a refund?",
            "Refunds are possible within 30 days of delivery.",
        );
        let short = with_text(
            "short",
            "How long do I have for a refund?",
            "Refunds are possible within 14 days of delivery.",
        );
        let mut index = TrainingIndex::build([&long, &short]).unwrap();
        long.content = "Refunds are possible within 30 days of delivery, to the card.".into();
        index.put(&long).unwrap();
        let found = index.neighbours("long", Text::live(&long), 5).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "short");
    }
}
