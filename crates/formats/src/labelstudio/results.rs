//! One annotation's (or prediction's) `result` list: labelled regions, relations between them,
//! and per-region answers.
//!
//! Owns: a region as one span per label, the region's origin and score, `direction`, and which
//! result types are read. Must never: let a relation or per-region answer point at a region the
//! list does not hold.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use newsmark_core::{ArticleText, AttributeKey, Attributes, Confidence, Origin, Provenance, Relation, RelationId, Span, SpanId};
use serde_json::Value;

use crate::json_fields::{get, label, object, offset, opt_array, opt_string, place, unique_id, At, Notes, Object, RawSpan, Unit};
use crate::{FormatError, ImportBatch};

/// What a result list becomes: spans and the relations between them.
pub(super) type Found = (Vec<Span>, Vec<Relation>);

/// Whose results these are.
pub(super) enum Kind {
    /// A person's annotation: regions are manual unless Label Studio marks them as taken from a
    /// prediction.
    Annotation,
    /// A model's prediction: every region is a suggestion, with the prediction's score.
    Prediction { score: Option<f64>, reason: Rc<str> },
}

/// What was left out or changed in a file, for one warning each rather than one per result.
pub(super) struct Tally {
    pub notes: Notes,
    pub cancelled: usize,
    /// Result types not read: how many, and the line of the first.
    ignored: BTreeMap<String, (usize, usize)>,
    /// Relations with direction "bi": how many, and the line of the first.
    both_ways: Option<(usize, usize)>,
    /// Tasks whose text came from a data field other than `text`, by field: how many, and the
    /// line of the first.
    pub text_from: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    pub fn new(file: &str) -> Self {
        Tally { notes: Notes::new(file), cancelled: 0, ignored: BTreeMap::new(), both_ways: None, text_from: BTreeMap::new() }
    }

    pub fn warnings(self, file: &str) -> Vec<String> {
        let mut out = self.notes.into_warnings();
        let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        for (field, (n, line)) in &self.text_from {
            out.push(format!(
                "{file}: {} (first on line {line}) {} no data.text; {} text was taken from {field}.",
                plural(*n, "task", "tasks"),
                if *n == 1 { "has" } else { "have" },
                if *n == 1 { "its" } else { "their" },
            ));
        }
        if self.cancelled > 0 {
            out.push(format!(
                "{file}: {} not imported.",
                plural(self.cancelled, "cancelled (skipped) annotation was", "cancelled (skipped) annotations were")
            ));
        }
        if !self.ignored.is_empty() {
            let total: usize = self.ignored.values().map(|(n, _)| n).sum();
            let first = self.ignored.values().map(|(_, line)| *line).min().unwrap_or(1);
            let kinds: Vec<String> = self.ignored.keys().map(|k| format!("“{k}”")).collect();
            out.push(format!(
                "{file}: {} of type {} (first on line {first}) {} not imported; newsmark reads labels, relations, and text areas and choices that belong to a region.",
                plural(total, "result", "results"),
                kinds.join(", "),
                if total == 1 { "was" } else { "were" },
            ));
        }
        if let Some((n, line)) = self.both_ways {
            out.push(format!(
                "{file}: {} marked as going both ways (first on line {line}) {} read from from_id to to_id, since newsmark's relations have a direction.",
                plural(n, "relation", "relations"),
                if n == 1 { "was" } else { "were" },
            ));
        }
        out
    }

    /// Counts a result that is not read; its line is found only for the first of its type.
    fn ignore(&mut self, kind: &str, at: &At) {
        self.ignored.entry(kind.to_string()).or_insert_with(|| (0, at.line())).0 += 1;
    }
}

/// Spans made so far from one result list, and which spans each region became.
#[derive(Default)]
struct Regions {
    spans: Vec<Span>,
    by_id: HashMap<String, Vec<usize>>,
    taken: HashSet<String>,
}

/// Reads a `result` list at `at`.
pub(super) fn results(
    items: &[Value],
    at: &At,
    text: &ArticleText,
    kind: &Kind,
    batch: &mut ImportBatch,
    tally: &mut Tally,
) -> Result<Found, FormatError> {
    let mut regions = Regions::default();
    let mut later = Vec::new();
    for (i, (item, r_at)) in items.iter().zip(at.items(items.len())).enumerate() {
        let r = object(item, &r_at)?;
        match opt_string(r, "type", &r_at)? {
            Some("labels") => {
                let value_at = r_at.key("value");
                let value = object(get(r, "value").ok_or_else(|| value_at.error("missing"))?, &value_at)?;
                let id = result_id(r, &r_at)?.unwrap_or_else(|| format!("s{}", i + 1));
                regions.add(&id, r, &r_at, value, &value_at, text, kind, batch, &mut tally.notes)?;
            }
            _ => later.push((r, r_at)),
        }
    }
    let mut relations = Vec::new();
    for (r, r_at) in later {
        match opt_string(r, "type", &r_at)? {
            Some("relation") => relation(r, &r_at, &regions, &mut relations, tally)?,
            Some(t @ ("textarea" | "choices")) => match result_id(r, &r_at)? {
                Some(id) if regions.by_id.contains_key(&id) => regions.answer(&id, t, r, &r_at)?,
                // An answer about the whole text, not a region: nowhere to keep it.
                _ => tally.ignore(t, &r_at),
            },
            Some(t) => tally.ignore(t, &r_at),
            None if get(r, "from_id").is_some() => relation(r, &r_at, &regions, &mut relations, tally)?,
            None => return Err(r_at.key("type").error("missing; a result says what it is, e.g. \"labels\"")),
        }
    }
    for (i, rel) in relations.iter_mut().enumerate() {
        rel.id = RelationId::new(format!("r{}", i + 1));
    }
    Ok((regions.spans, relations))
}

/// The regions of Label Studio's JSON-MIN export: each item is a region's `value` on its own.
pub(super) fn min_regions(
    items: Vec<(&Object, At)>,
    text: &ArticleText,
    batch: &mut ImportBatch,
    notes: &mut Notes,
) -> Result<Found, FormatError> {
    let mut regions = Regions::default();
    for (i, (value, at)) in items.into_iter().enumerate() {
        regions.add(&format!("s{}", i + 1), value, &at, value, &at, text, &Kind::Annotation, batch, notes)?;
    }
    Ok((regions.spans, Vec::new()))
}

/// A result's id; Label Studio writes strings, hand-made files sometimes numbers.
fn result_id(r: &Object, at: &At) -> Result<Option<String>, FormatError> {
    match get(r, "id") {
        None => Ok(None),
        Some(Value::String(s)) if !s.is_empty() => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(at.key("id").wrong("a non-empty string", other)),
    }
}

/// An offset in a region's value. Label Studio's HyperText regions have XPath strings here.
fn region_offset(value: &Object, key: &str, at: &At) -> Result<u64, FormatError> {
    let f_at = at.key(key);
    match get(value, key) {
        None => Err(f_at.error("missing")),
        Some(Value::String(s)) => Err(f_at.error(format!(
            "is the string {}, as Label Studio writes for HyperText regions; newsmark reads Text regions, whose offsets are numbers",
            crate::error::excerpt(s)
        ))),
        Some(v) => offset(v, &f_at),
    }
}

/// A score as newsmark's confidence: thousandths, clamped to 0–1 (some models score 0–100).
fn confidence(score: f64) -> Confidence {
    Confidence::from_permille((score.clamp(0.0, 1.0) * 1000.0).round() as u16)
}

impl Regions {
    /// Adds one region as a span per label; `r` is the result (for `origin`, `score`, `meta`).
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        region: &str,
        r: &Object,
        r_at: &At,
        value: &Object,
        value_at: &At,
        text: &ArticleText,
        kind: &Kind,
        batch: &mut ImportBatch,
        notes: &mut Notes,
    ) -> Result<(), FormatError> {
        let claimed = opt_string(value, "text", value_at)?.map(|t| (t, value_at.key("text")));
        let raw = RawSpan {
            start: region_offset(value, "start", value_at)?,
            start_at: value_at.key("start"),
            end: region_offset(value, "end", value_at)?,
            end_at: value_at.key("end"),
            claimed,
        };
        let labels_at = value_at.key("labels");
        let names = match get(value, "labels") {
            Some(Value::Array(names)) if !names.is_empty() => names,
            Some(Value::Array(_)) => return Err(labels_at.error("is empty; a region needs a label")),
            Some(other) => return Err(labels_at.wrong("an array of label names", other)),
            None => return Err(labels_at.error("missing")),
        };
        let (start, end) = place(text, Unit::CodePoints, &raw, &format!("region {}", crate::error::excerpt(region)), notes)?;
        let score = get(r, "score").and_then(Value::as_f64);
        let origin = match kind {
            Kind::Prediction { score: whole, reason } => {
                Origin::Suggested(score.or(*whole).map(|s| Provenance { confidence: confidence(s), reason: reason.clone() }))
            }
            // "prediction-changed" means a person edited the predicted region: theirs now.
            Kind::Annotation => match opt_string(r, "origin", r_at)? {
                Some("prediction") => {
                    Origin::Suggested(score.map(|s| Provenance { confidence: confidence(s), reason: "Label Studio prediction".into() }))
                }
                _ => Origin::Manual,
            },
        };
        let mut attributes = Attributes::default();
        if let Some(note) = meta_text(r, r_at)? {
            attributes.note = Some(note);
        }
        for (k, name) in names.iter().enumerate() {
            let label = label(batch, name, &labels_at.index(k))?;
            // A region with several labels is a span per label; the first keeps the region's id.
            let base = if k == 0 { region.to_string() } else { format!("{region}-{}", k + 1) };
            let id = unique_id(&base, &mut self.taken);
            self.by_id.entry(region.to_string()).or_default().push(self.spans.len());
            self.spans.push(Span {
                id: SpanId::new(id),
                label,
                start,
                end,
                attributes: attributes.clone(),
                origin: origin.clone(),
                fragments: None,
            });
        }
        Ok(())
    }

    /// A text area's or choice's answer about a region: an attribute of each of its spans, named
    /// by the control (`from_name`).
    fn answer(&mut self, region: &str, kind: &str, r: &Object, at: &At) -> Result<(), FormatError> {
        let name = opt_string(r, "from_name", at)?.filter(|n| !n.is_empty()).unwrap_or(kind);
        let value_at = at.key("value");
        let value = object(get(r, "value").ok_or_else(|| value_at.error("missing"))?, &value_at)?;
        let field = if kind == "textarea" { "text" } else { "choices" };
        let answer = strings(value, field, &value_at)?.join(if kind == "textarea" { "\n" } else { ", " });
        let key = AttributeKey::ALL.into_iter().find(|k| k.id() == name);
        for &i in &self.by_id[region] {
            let attributes = &mut self.spans[i].attributes;
            match key {
                Some(key) => attributes.set(key, &answer),
                None => attributes.other.push((name.to_string(), answer.clone())),
            }
        }
        Ok(())
    }
}

/// A list of strings, or one string, at `value[field]`.
fn strings(value: &Object, field: &str, at: &At) -> Result<Vec<String>, FormatError> {
    match get(value, field) {
        None => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| v.as_str().map(str::to_string).ok_or_else(|| at.key(field).index(i).wrong("a string", v)))
            .collect(),
        Some(other) => Err(at.key(field).wrong("a string or an array of strings", other)),
    }
}

/// A region's note: Label Studio keeps it in `meta.text`.
fn meta_text(r: &Object, at: &At) -> Result<Option<String>, FormatError> {
    match get(r, "meta") {
        Some(Value::Object(meta)) => {
            let lines = strings(meta, "text", &at.key("meta"))?;
            Ok((!lines.is_empty()).then(|| lines.join("\n")).filter(|n| !n.is_empty()))
        }
        _ => Ok(None),
    }
}

fn relation(r: &Object, at: &At, regions: &Regions, out: &mut Vec<Relation>, tally: &mut Tally) -> Result<(), FormatError> {
    let end = |field: &str| -> Result<SpanId, FormatError> {
        let f_at = at.key(field);
        let id = match get(r, field) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => return Err(f_at.wrong("a region's id", other)),
            None => return Err(f_at.error("missing")),
        };
        match regions.by_id.get(&id) {
            Some(spans) => Ok(regions.spans[spans[0]].id.clone()),
            None => Err(f_at.error(format!("{} is not the id of a labelled region in this result list", crate::error::excerpt(&id)))),
        }
    };
    let (mut from, mut to) = (end("from_id")?, end("to_id")?);
    match opt_string(r, "direction", at)? {
        None | Some("right") => {}
        Some("left") => std::mem::swap(&mut from, &mut to),
        Some("bi") => {
            tally.both_ways.get_or_insert_with(|| (0, at.line())).0 += 1;
        }
        Some(other) => {
            return Err(at
                .key("direction")
                .error(format!("is {}; Label Studio writes \"right\", \"left\" or \"bi\"", crate::error::excerpt(other))))
        }
    }
    if from == to {
        return Err(at.key("to_id").error("is the region the relation starts at; a relation links two different spans"));
    }
    let labels_at = at.key("labels");
    let mut kinds = Vec::new();
    for (i, v) in opt_array(r, "labels", at)?.iter().enumerate() {
        match v.as_str().map(str::trim) {
            Some(k) if !k.is_empty() => kinds.push(k.to_string()),
            _ => return Err(labels_at.index(i).wrong("a relation label", v)),
        }
    }
    // An unlabelled relation still links two regions; newsmark calls that "related".
    if kinds.is_empty() {
        kinds.push("related".into());
    }
    for kind in kinds {
        out.push(Relation { id: RelationId::new(""), kind: kind.into(), from: from.clone(), to: to.clone(), event: None });
    }
    Ok(())
}
