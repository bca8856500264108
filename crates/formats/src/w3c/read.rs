//! Reading W3C annotation files: finding the annotations and the texts they annotate, and
//! assembling one document per text.
//!
//! Owns: the accepted file shapes, the texts' registry (`nm:sources`, embedded sources, `.txt`
//! files), span and relation ids, and the warnings for annotations no span can stand for. Must
//! never: make a document without its text, or link spans of two texts.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use newsmark_core::format::ImportedDocument;
use newsmark_core::{ArticleText, Attributes, Label, LabelSet, Origin, Relation, RelationId, Span, SpanId};
use serde_json::Value;

use super::annotation::{id, link_kind, meaning, origin, selections, target_list, types};
use super::iri::{self, Ours};
use super::quote;
use crate::error::excerpt;
use crate::json_fields::{
    array, get, object, opt_array, opt_string, parse_json, source_name, stem, string, without_bom, At, Notes, Object,
};
use crate::{FormatError, ImportBatch, InputFile};

pub(super) fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    let mut batch = ImportBatch::new(source_name(files), workspace.clone());
    let is_text = |f: &&InputFile| f.name.to_lowercase().ends_with(".txt");
    let texts: Vec<&InputFile> = files.iter().filter(is_text).collect();
    let annotation_files: Vec<&InputFile> = files.iter().filter(|f| !is_text(f)).collect();
    if annotation_files.is_empty() {
        let name = files.first().map_or("", |f| f.name.as_str());
        return Err(FormatError::new(name, None, None, "no annotation file was chosen, only texts"));
    }
    for file in annotation_files {
        read_file(file, &texts, &mut batch)?;
    }
    Ok(batch)
}

/// One text and what is annotated in it.
struct Doc {
    title: String,
    id: Option<String>,
    text: Rc<ArticleText>,
    groups: Vec<Group>,
}

/// One annotation's spans: one per label, all on the same pieces.
struct Group {
    /// The span id newsmark wrote in the annotation's IRI, if it did.
    base: Option<String>,
    labels: Vec<Label>,
    pieces: Vec<(usize, usize)>,
    attributes: Attributes,
    origin: Origin,
}

/// The texts of one annotation file, by IRI, in the order first met.
struct Texts<'f> {
    docs: Vec<Doc>,
    by_iri: HashMap<String, usize>,
    files: &'f [&'f InputFile],
}

/// What was skipped in a file, for one warning each.
#[derive(Default)]
struct Skipped {
    whole: Option<(usize, usize)>,
    untagged: Option<(usize, usize)>,
    links: Option<(usize, usize)>,
}

/// Counts a skipped annotation; its line is found only for the first.
fn count(slot: &mut Option<(usize, usize)>, at: &At) {
    slot.get_or_insert_with(|| (0, at.line())).0 += 1;
}

fn read_file(file: &InputFile, text_files: &[&InputFile], batch: &mut ImportBatch) -> Result<(), FormatError> {
    let value = parse_json(file)?;
    let root = At::root(&file.name, without_bom(&file.text), 1);
    let mut texts = Texts { docs: Vec::new(), by_iri: HashMap::new(), files: text_files };
    let items = items(&value, &root, &mut texts)?;
    // Every annotation's id, so that a target naming one is recognised as a link.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, (item, at)) in items.iter().enumerate() {
        let ann = object(item, at)?;
        if let Some(t) = types(ann).first() {
            if !types(ann).iter().any(|t| t.ends_with("Annotation")) {
                return Err(at.key("type").error(format!("is {}; the items here must be annotations", excerpt(t))));
            }
        }
        if let Some(id) = id(ann) {
            if let Some(first) = ids.insert(id, i) {
                return Err(at.key("id").error(format!(
                    "{} is also the id of the annotation on line {}",
                    excerpt(id),
                    items[first].1.line()
                )));
            }
        }
    }
    let mut skipped = Skipped::default();
    let mut notes = Notes::new(&file.name);
    // Annotation IRI -> (document, group).
    let mut groups: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut links = Vec::new();
    for (item, at) in &items {
        let ann = item.as_object().expect("checked above");
        let targets = target_list(ann, at)?;
        if targets.iter().all(|(t, _)| t.as_str().is_some_and(|t| ids.contains_key(t))) {
            links.push((ann, at));
            continue;
        }
        let Some(selected) = selections(ann, at)? else {
            count(&mut skipped.whole, at);
            continue;
        };
        let meaning = meaning(ann, at)?;
        if meaning.untagged {
            count(&mut skipped.untagged, at);
        }
        let mut doc = None;
        let mut pieces = Vec::new();
        for s in &selected {
            let d = texts.resolve(s.source, &s.source_at)?;
            if doc.is_some_and(|first| first != d) {
                return Err(s.source_at.error("is another text than the first target's; a span lies within one text"));
            }
            doc = Some(d);
            let (start, end) = quote::place(&texts.docs[d].text, s.position.as_ref(), s.quote.as_ref(), &mut notes)?;
            pieces.push((start, end));
        }
        let doc = doc.expect("an annotation has at least one target");
        let labels_at = at.key("body");
        let labels = meaning
            .labels
            .iter()
            .map(|name| batch.labels.intern(name).ok_or_else(|| labels_at.error("has an empty tag")))
            .collect::<Result<Vec<_>, _>>()?;
        let base = match id(ann).and_then(iri::parse) {
            Some(Ours::Span { span, .. }) => Some(span),
            _ => None,
        };
        let group = Group { base, labels, pieces: merged(pieces), attributes: meaning.attributes, origin: origin(ann, at)? };
        texts.docs[doc].groups.push(group);
        if let Some(id) = id(ann) {
            groups.insert(id, (doc, texts.docs[doc].groups.len() - 1));
        }
    }
    if texts.docs.is_empty() {
        let whole = match skipped.whole {
            Some((n, _)) => {
                format!("; its {} target whole resources", if n == 1 { "annotation".to_string() } else { format!("{n} annotations") })
            }
            None => String::new(),
        };
        return Err(root.error(format!("the file holds no annotated text{whole}")));
    }
    let span_ids = finish_spans(&texts.docs);
    let relations = relations(&links, &groups, &span_ids, texts.docs.len(), &mut skipped)?;
    for (i, (doc, relations)) in texts.docs.into_iter().zip(relations).enumerate() {
        let spans = doc
            .groups
            .into_iter()
            .zip(&span_ids[i])
            .flat_map(|(g, ids)| {
                let fragments: Option<Rc<[(usize, usize)]>> = (g.pieces.len() > 1).then(|| g.pieces.clone().into());
                let (start, end) = (g.pieces[0].0, g.pieces[g.pieces.len() - 1].1);
                g.labels.into_iter().zip(ids.clone()).map(move |(label, id)| Span {
                    id: SpanId::new(id),
                    label,
                    start,
                    end,
                    attributes: g.attributes.clone(),
                    origin: g.origin.clone(),
                    fragments: fragments.clone(),
                })
            })
            .collect();
        batch.documents.push(ImportedDocument { id: doc.id, title: doc.title, text: doc.text, spans, relations });
    }
    warn(&file.name, &skipped, &mut notes);
    batch.warnings.extend(notes.into_warnings());
    Ok(())
}

fn warn(file: &str, skipped: &Skipped, notes: &mut Notes) {
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    if let Some((n, line)) = skipped.whole {
        notes.push(format!(
            "{file}: {} (first on line {line}) {} a whole resource rather than a passage of text, and {} not imported.",
            plural(n, "annotation", "annotations"),
            if n == 1 { "targets" } else { "target" },
            if n == 1 { "was" } else { "were" },
        ));
    }
    if let Some((n, line)) = skipped.untagged {
        notes.push(format!(
            "{file}: {} (first on line {line}) had no tag, so {} labelled by {} motivation.",
            plural(n, "annotation", "annotations"),
            if n == 1 { "it is" } else { "they are" },
            if n == 1 { "its" } else { "their" },
        ));
    }
    if let Some((n, line)) = skipped.links {
        notes.push(format!(
            "{file}: {} (first on line {line}) linked annotations that were not imported, and {} left out too.",
            plural(n, "link", "links"),
            if n == 1 { "was" } else { "were" },
        ));
    }
}

/// Touching or overlapping pieces are one piece; the rest stay in text order.
fn merged(mut pieces: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    pieces.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(pieces.len());
    for (s, e) in pieces {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The annotations of a file and, for a collection, the texts it carries.
fn items<'v, 's>(value: &'v Value, root: &At<'s>, texts: &mut Texts) -> Result<Vec<(&'v Value, At<'s>)>, FormatError> {
    let list = |items: &'v [Value], at: &At<'s>| items.iter().zip(at.items(items.len())).collect::<Vec<_>>();
    let map = match value {
        Value::Array(items) => return Ok(list(items, root)),
        Value::Object(map) => map,
        other => return Err(root.wrong("an annotation, an annotation page, a collection or an array of annotations", other)),
    };
    let sources = opt_array(map, "nm:sources", root)?;
    for (s, s_at) in sources.iter().zip(root.key("nm:sources").items(sources.len())) {
        let s = object(s, &s_at)?;
        let iri = id(s).ok_or_else(|| s_at.key("id").error("missing; a text needs the IRI its annotations name"))?;
        let title = opt_string(s, "label", &s_at)?.map(str::to_string);
        texts.add(iri, title, string(s, "value", &s_at)?, &s_at)?;
    }
    let kinds = types(map);
    if kinds.iter().any(|t| t.ends_with("AnnotationCollection")) {
        let mut out = Vec::new();
        let (mut page, mut page_at) = (get(map, "first"), root.key("first"));
        while let Some(p) = page {
            let p = match p {
                Value::Object(p) => p,
                Value::String(iri) => {
                    return Err(
                        page_at.error(format!("names a page by its IRI ({}); newsmark reads pages embedded in the file", excerpt(iri)))
                    )
                }
                other => return Err(page_at.wrong("an AnnotationPage", other)),
            };
            out.extend(list(array(p, "items", &page_at)?, &page_at.key("items")));
            page = get(p, "next");
            page_at = page_at.key("next");
        }
        Ok(out)
    } else if kinds.iter().any(|t| t.ends_with("AnnotationPage")) {
        Ok(list(array(map, "items", root)?, &root.key("items")))
    } else {
        Ok(vec![(value, root.clone())])
    }
}

impl Texts<'_> {
    /// Registers a text under `iri`; the same IRI must always give the same text.
    fn add(&mut self, iri: &str, title: Option<String>, text: &str, at: &At) -> Result<usize, FormatError> {
        if let Some(&d) = self.by_iri.get(iri) {
            if self.docs[d].text.as_str() != text {
                return Err(at.error(format!("gives another text for {} than the one given before", excerpt(iri))));
            }
            return Ok(d);
        }
        let (id, fallback) = match iri::parse(iri) {
            Some(Ours::Article(id)) => (Some(id.clone()), id),
            _ => (None, iri::last_segment(iri)),
        };
        self.docs.push(Doc { title: title.unwrap_or(fallback), id, text: Rc::new(ArticleText::new(text)), groups: Vec::new() });
        self.by_iri.insert(iri.to_string(), self.docs.len() - 1);
        Ok(self.docs.len() - 1)
    }

    /// The document a target's `source` names, embedding or naming its text.
    fn resolve(&mut self, source: &Value, at: &At) -> Result<usize, FormatError> {
        let (iri, embedded, title) = match source {
            Value::String(iri) => (Some(iri.as_str()), None, None),
            Value::Object(o) => (id(o), opt_string(o, "value", at)?, opt_title(o, at)?),
            other => return Err(at.wrong("the IRI of a text, or a text with its value", other)),
        };
        match (iri, embedded) {
            (iri, Some(text)) => {
                // A text without an IRI is known by where it is.
                let key = iri.map_or_else(|| format!("(the text on line {})", at.line()), str::to_string);
                self.add(&key, title, text, at)
            }
            (Some(iri), None) => {
                if let Some(&d) = self.by_iri.get(iri) {
                    return Ok(d);
                }
                let name = iri::last_segment(iri);
                let file = self.files.iter().find(|f| {
                    let base = f.name.rsplit(['/', '\\']).next().unwrap_or(&f.name);
                    base == name || stem(base) == name || stem(base) == stem(&name)
                });
                match file {
                    Some(f) => self.add(iri, Some(stem(&f.name).to_string()), without_bom(&f.text), at),
                    None => Err(at.error(format!(
                        "names the text {}, which is not in the file; newsmark needs the annotated text, given as target.source.value, in the collection's nm:sources, or as a .txt file of that name chosen with the annotations",
                        excerpt(iri)
                    ))),
                }
            }
            (None, None) => Err(at.error("gives neither the text's IRI (id) nor the text (value)")),
        }
    }
}

fn opt_title(o: &Object, at: &At) -> Result<Option<String>, FormatError> {
    Ok(opt_string(o, "label", at)?.or(opt_string(o, "title", at)?).map(str::to_string))
}

/// Every group's span ids, per document: the id in newsmark's IRI where there is one, else the
/// next free `s<n>`; a group's further labels get `<id>-2`, ….
fn finish_spans(docs: &[Doc]) -> Vec<Vec<Vec<String>>> {
    docs.iter()
        .map(|doc| {
            let mut taken: HashSet<String> = doc.groups.iter().filter_map(|g| g.base.clone()).collect();
            let mut claimed = HashSet::new();
            let mut n = 0;
            doc.groups
                .iter()
                .map(|g| {
                    let first = match &g.base {
                        Some(b) if claimed.insert(b.clone()) => b.clone(),
                        _ => loop {
                            n += 1;
                            let id = format!("s{n}");
                            if taken.insert(id.clone()) {
                                break id;
                            }
                        },
                    };
                    let mut ids = vec![first.clone()];
                    for k in 2..=g.labels.len() {
                        ids.push(crate::json_fields::unique_id(&format!("{first}-{k}"), &mut taken));
                    }
                    ids
                })
                .collect()
        })
        .collect()
}

/// The linking annotations as relations, per document.
fn relations(
    links: &[(&Object, &At)],
    groups: &HashMap<&str, (usize, usize)>,
    span_ids: &[Vec<Vec<String>>],
    docs: usize,
    skipped: &mut Skipped,
) -> Result<Vec<Vec<Relation>>, FormatError> {
    let mut out: Vec<Vec<(Option<String>, Relation)>> = (0..docs).map(|_| Vec::new()).collect();
    for (ann, at) in links {
        let targets = target_list(ann, at)?;
        if targets.len() != 2 {
            return Err(at.key("target").error(format!(
                "links {} annotations; newsmark reads a link between exactly two, from the first to the second",
                targets.len()
            )));
        }
        let ends: Vec<Option<&(usize, usize)>> = targets.iter().map(|(t, _)| groups.get(t.as_str().unwrap_or_default())).collect();
        let (Some(&(d, from)), Some(&(d2, to))) = (ends[0], ends[1]) else {
            count(&mut skipped.links, at);
            continue;
        };
        if d != d2 {
            return Err(at.key("target").error("links annotations of two different texts; a relation lies within one text"));
        }
        let (from, to) = (&span_ids[d][from][0], &span_ids[d][to][0]);
        if from == to {
            return Err(at.key("target").index(1).error("is the annotation the link starts at; a relation links two different spans"));
        }
        let id = match id(ann).and_then(iri::parse) {
            Some(Ours::Relation { relation, .. }) => Some(relation),
            _ => None,
        };
        let event = opt_string(ann, "nm:event", at)?.filter(|e| !e.is_empty()).map(Into::into);
        let kind = link_kind(ann, at);
        let relation =
            Relation { id: RelationId::new(""), kind: kind.into(), from: SpanId::new(from.as_str()), to: SpanId::new(to.as_str()), event };
        out[d].push((id, relation));
    }
    Ok(out
        .into_iter()
        .map(|rels| {
            let mut taken: HashSet<String> = rels.iter().filter_map(|(id, _)| id.clone()).collect();
            let mut claimed = HashSet::new();
            let mut n = 0;
            rels.into_iter()
                .map(|(id, r)| {
                    let id = match id {
                        Some(id) if claimed.insert(id.clone()) => id,
                        _ => loop {
                            n += 1;
                            let id = format!("r{n}");
                            if taken.insert(id.clone()) {
                                break id;
                            }
                        },
                    };
                    Relation { id: RelationId::new(id), ..r }
                })
                .collect()
        })
        .collect())
}
