//! Statements formed a group at a time: the step of clustering a distributed program hands
//! back to the Rust code once it has gathered each group of quotations that can only join
//! among themselves, with the verified links among them.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::{BinaryBuilder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{Field, Schema};
use quotetrace::cluster::{
    cluster_linked, translatable, ClusterConfig, ClusterItem, Relation, Translatable,
};
use quotetrace::Timestamp;
use rayon::prelude::*;
use serde::de::IntoDeserializer;
use serde::Deserialize;

use crate::input::texts;
use crate::BatchError;

const ITEMS: Option<&str> = Some(
    "it needs \"group\", \"quote\", \"document\", \"position\", \"text\", \"goes_on\" and \
     \"sort_key\"; \"speaker\", \"language\" and \"published\" are optional",
);
const LINKS: Option<&str> = Some("it needs \"group\", \"phrase\", \"other\" and \"relation\"");

/// The statement of each quotation of `items`, formed group by group from the verified
/// `links` among them as [`quotetrace::cluster::cluster_linked`] forms them: clustering's
/// steps after verification, but for translations.
///
/// `items` holds quotations as [`crate::process_batch`] gives them, with a `group` column
/// (int64): the quotations of one group are those that can join only among themselves (every
/// link, continuation and shared document or speaker of a short quotation within the group).
/// Its columns: `group`, `quote`, `document`, `position`, `text`, `goes_on`, `sort_key`, and
/// optionally `speaker` (as it is spelled across the corpus), `language` and `published`. `links` holds `group`, `phrase` and `other`
/// (phrase keys, int64 or uint64) and `relation` (as [`crate::relate_batch`] writes it).
/// `languages` are those of all the quotations being clustered.
///
/// The output has a row per quotation, groups in order of their number and quotations in
/// order of `sort_key`: `quote`, and `statement`, the `sort_key` of the statement's first
/// quotation, which names it and orders the statements by first appearance. After each group's
/// quotations come its statements that translation linking reads
/// ([`quotetrace::cluster::translatable`]), a row each with a null `quote`: `statement`, and
/// `key`, `support`, `speaker`, `language`, `earliest` and `anchors` (the keys as int64 of the
/// same bits, as Spark holds them).
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{BooleanArray, Int64Array, RecordBatch, StringArray, BinaryArray};
/// use arrow_array::cast::AsArray;
///
/// let texts = ["Lets get the Peace Deal DONE!", "The weather was fine in London",
///              "Let's get the peace deal done"];
/// let items = RecordBatch::try_from_iter([
///     ("group", Arc::new(Int64Array::from(vec![7, 7, 7])) as _),
///     ("quote", Arc::new(StringArray::from(vec!["a#1", "b#1", "c#1"])) as _),
///     ("document", Arc::new(StringArray::from(vec!["a", "b", "c"])) as _),
///     ("position", Arc::new(Int64Array::from(vec![0, 0, 0])) as _),
///     ("text", Arc::new(StringArray::from(texts.to_vec())) as _),
///     ("goes_on", Arc::new(BooleanArray::from(vec![false; 3])) as _),
///     ("sort_key", Arc::new(BinaryArray::from_vec(vec![b"1", b"2", b"3"])) as _),
/// ])
/// .unwrap();
/// let key = |t: &str| quotetrace::cluster::blocking(t, &Default::default()).phrase as i64;
/// let links = RecordBatch::try_from_iter([
///     ("group", Arc::new(Int64Array::from(vec![7])) as _),
///     ("phrase", Arc::new(Int64Array::from(vec![key(texts[0])])) as _),
///     ("other", Arc::new(Int64Array::from(vec![key(texts[2])])) as _),
///     ("relation", Arc::new(StringArray::from(vec!["variant"])) as _),
/// ])
/// .unwrap();
/// let formed = quotetrace_arrow::form_batch(&items, &links, &["en"]).unwrap();
/// let statement = formed.column_by_name("statement").unwrap().as_binary::<i32>();
/// let named: Vec<&[u8]> = (0..3).map(|i| statement.value(i)).collect();
/// assert_eq!(named, [b"1", b"2", b"1"]);
/// ```
pub fn form_batch(
    items: &RecordBatch,
    links: &RecordBatch,
    languages: &[&str],
) -> Result<RecordBatch, BatchError> {
    let (mut c1, mut c2, mut c3, mut c4, mut c5) = (None, None, None, None, None);
    let (mut c6, mut c7) = (None, None);
    let language = texts(items, "language", None, &mut c6)?;
    let published = texts(items, "published", None, &mut c7)?;
    let quote = texts(items, "quote", ITEMS, &mut c1)?;
    let document = texts(items, "document", ITEMS, &mut c2)?;
    let text = texts(items, "text", ITEMS, &mut c3)?;
    let speaker = texts(items, "speaker", None, &mut c4)?;
    let relation = texts(links, "relation", LINKS, &mut c5)?;
    let item_group = numbers(items, "group", ITEMS)?;
    let position = numbers(items, "position", ITEMS)?;
    let goes_on = column(items, "goes_on", ITEMS)?
        .as_boolean_opt()
        .ok_or_else(|| not_of_type(items, "goes_on", "booleans"))?;
    let sort_key = column(items, "sort_key", ITEMS)?
        .as_binary_opt::<i32>()
        .ok_or_else(|| not_of_type(items, "sort_key", "binary"))?;
    let link_group = numbers(links, "group", LINKS)?;
    let (phrase, other) = (
        numbers(links, "phrase", LINKS)?,
        numbers(links, "other", LINKS)?,
    );
    let related = (0..links.num_rows())
        .map(|row| {
            let name = relation.get(row).unwrap_or("");
            Relation::deserialize(name.into_deserializer()).map_err(|_: serde::de::value::Error| {
                BatchError::Value {
                    column: "relation".into(),
                    row,
                    value: name.to_string(),
                }
            })
        })
        .collect::<Result<Vec<Relation>, BatchError>>()?;

    // Items by group, then by sort key; links by group.
    let mut rows: Vec<usize> = (0..items.num_rows()).collect();
    rows.sort_by(|&a, &b| {
        (item_group[a], sort_key.value(a)).cmp(&(item_group[b], sort_key.value(b)))
    });
    let mut link_rows: Vec<usize> = (0..links.num_rows()).collect();
    link_rows.sort_by_key(|&r| link_group[r]);
    let groups = runs(&rows, |r| item_group[r]);
    let config = ClusterConfig::default();
    let form = |group: &[usize]| -> (Vec<usize>, Vec<(usize, Translatable)>) {
        let g = item_group[group[0]];
        let start = link_rows.partition_point(|&r| link_group[r] < g);
        let end = link_rows.partition_point(|&r| link_group[r] <= g);
        let links = link_rows[start..end]
            .iter()
            .map(|&r| (phrase[r] as u64, other[r] as u64, related[r]));
        let place: HashMap<(&str, i64), usize> = group
            .iter()
            .enumerate()
            .map(|(i, &r)| ((document.get(r).unwrap_or(""), position[r]), i))
            .collect();
        let items: Vec<ClusterItem<'_>> = group
            .iter()
            .map(|&r| {
                let d = document.get(r).unwrap_or("");
                let mut item = ClusterItem::new(text.get(r).unwrap_or("")).in_document(d);
                if let Some(s) = speaker.get(r) {
                    item = item.said_by(s);
                }
                if let Some(l) = language.get(r) {
                    item = item.in_language(l);
                }
                let when = published.get(r).and_then(|p| Timestamp::parse(p).ok());
                if let Some(t) = when {
                    item = item.published_at(t.unix_seconds());
                }
                let previous = place.get(&(d, position[r] - 1));
                if let (true, Some(&p)) = (goes_on.is_valid(r) && goes_on.value(r), previous) {
                    item = item.continuing(p);
                }
                item
            })
            .collect();
        let clustering = cluster_linked(&items, links, languages, &config);
        // Each quotation's statement, named by the statement's first quotation.
        let first: Vec<usize> = clustering.clusters().map(|members| members[0]).collect();
        let summaries = translatable(&items, &clustering)
            .into_iter()
            .enumerate()
            .filter_map(|(c, s)| Some((group[first[c]], s?)))
            .collect();
        let named = clustering
            .assignment()
            .iter()
            .map(|&c| group[first[c]])
            .collect();
        (named, summaries)
    };
    let formed: Vec<_> = groups.par_iter().map(|g| form(g)).collect();

    let mut quotes = StringBuilder::new();
    let mut statements = BinaryBuilder::new();
    let mut keys = Int64Builder::new();
    let mut support = Int64Builder::new();
    let (mut speakers, mut languages) = (StringBuilder::new(), StringBuilder::new());
    let mut earliest = Int64Builder::new();
    let mut anchors = ListBuilder::new(Int64Builder::new());
    for (group, (firsts, summaries)) in groups.iter().zip(&formed) {
        for (&r, &f) in group.iter().zip(firsts) {
            quotes.append_option(quote.get(r));
            statements.append_value(sort_key.value(f));
            keys.append_null();
            support.append_null();
            speakers.append_null();
            languages.append_null();
            earliest.append_null();
            anchors.append_null();
        }
        for (f, s) in summaries {
            quotes.append_null();
            statements.append_value(sort_key.value(*f));
            keys.append_value(s.key as i64);
            support.append_value(s.support as i64);
            speakers.append_option(s.speaker.as_deref());
            languages.append_value(&s.language);
            earliest.append_option(s.earliest);
            anchors.append_value(s.anchors.iter().map(|&a| Some(a as i64)));
        }
    }
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("quote", Arc::new(quotes.finish())),
        ("statement", Arc::new(statements.finish())),
        ("key", Arc::new(keys.finish())),
        ("support", Arc::new(support.finish())),
        ("speaker", Arc::new(speakers.finish())),
        ("language", Arc::new(languages.finish())),
        ("earliest", Arc::new(earliest.finish())),
        ("anchors", Arc::new(anchors.finish())),
    ];
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, c)| Field::new(*name, c.data_type().clone(), *name != "statement"))
        .collect();
    let columns = columns.into_iter().map(|(_, c)| c).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).map_err(|source| {
        BatchError::Arrow {
            context: "building the statements of the quotations".to_string(),
            source,
        }
    })
}

/// The runs of `rows` (sorted by `key`) that share a key.
pub(crate) fn runs(rows: &[usize], key: impl Fn(usize) -> i64) -> Vec<&[usize]> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let k = key(rows[start]);
        let end = start + rows[start..].partition_point(|&r| key(r) == k);
        out.push(&rows[start..end]);
        start = end;
    }
    out
}

pub(crate) fn column<'a>(
    batch: &'a RecordBatch,
    name: &str,
    needs: Option<&'static str>,
) -> Result<&'a ArrayRef, BatchError> {
    batch
        .column_by_name(name)
        .ok_or_else(|| BatchError::MissingColumn {
            name: name.to_string(),
            needs: needs.unwrap_or_default(),
        })
}

pub(crate) fn not_of_type(batch: &RecordBatch, name: &str, wanted: &str) -> BatchError {
    let found = batch
        .column_by_name(name)
        .map(|c| c.data_type().to_string())
        .unwrap_or_default();
    BatchError::NotOfType {
        name: name.to_string(),
        wanted: wanted.to_string(),
        found,
    }
}

/// Column `name` as 64-bit numbers (int64, or uint64 with the same bits); a null is an error.
pub(crate) fn numbers(
    batch: &RecordBatch,
    name: &str,
    needs: Option<&'static str>,
) -> Result<Vec<i64>, BatchError> {
    let c = column(batch, name, needs)?;
    let null = |row| BatchError::Value {
        column: name.to_string(),
        row,
        value: "null".to_string(),
    };
    if let Some(row) = (0..c.len()).find(|&r| c.is_null(r)) {
        return Err(null(row));
    }
    if let Some(a) = c.as_primitive_opt::<Int64Type>() {
        Ok(a.values().to_vec())
    } else if let Some(a) = c.as_primitive_opt::<UInt64Type>() {
        Ok(a.values().iter().map(|&v| v as i64).collect())
    } else {
        Err(not_of_type(batch, name, "64-bit integers"))
    }
}
