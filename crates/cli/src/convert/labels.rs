//! Turning what was read into articles, with labels renamed by `--map`.
//!
//! Owns: the command line's label-mapping step, the same as the app's mapping dialog: a label
//! named by `--map THEIRS=OURS` becomes newsmark's label OURS (a built-in one in any case, or a
//! custom label of that name); every other label keeps its name, and becomes a custom label
//! where newsmark has none of that name. Also the articles' ids, unique across all inputs.
//! Must never: drop a span or a relation, or accept a map for a label no input has (a typo
//! would otherwise pass unnoticed).

use std::collections::{HashMap, HashSet};

use newsmark_core::format::ImportBatch;
use newsmark_core::{Article, ArticleId, Label, LabelDef, LabelSet};

use crate::Failure;

/// The batch's documents as articles, and the labels they use.
pub fn articles(batch: ImportBatch, maps: &[(String, String)]) -> Result<(Vec<Article>, LabelSet), Failure> {
    for (theirs, _) in maps {
        if batch.labels.iter().all(|d| &d.name != theirs) {
            return Err(Failure::Usage(format!(
                "--map {theirs}=…: no input has a label “{theirs}”; the inputs' labels are {}",
                used_labels(&batch)
            )));
        }
    }
    let mut labels = LabelSet::builtin();
    let mut resolved: HashMap<Label, Label> = HashMap::new();
    for def in batch.labels.iter() {
        let name = maps.iter().find(|(theirs, _)| theirs == &def.name).map_or(def.name.as_str(), |(_, ours)| ours);
        let label = match labels.by_name(name) {
            Some(existing) => existing,
            None => {
                let hotkey = def.hotkey.filter(|k| labels.by_hotkey(&k.to_string()).is_none());
                let def = LabelDef { name: name.to_string(), hotkey, ..def.clone() };
                // A definition the set refuses (a colour it does not take) still keeps its spans.
                match labels.add(def) {
                    Ok(label) => label,
                    Err(_) => labels.intern(name).unwrap_or(Label::Claim),
                }
            }
        };
        resolved.insert(def.label, label);
    }
    let mut taken = HashSet::new();
    let mut out = Vec::with_capacity(batch.documents.len());
    for (i, doc) in batch.documents.into_iter().enumerate() {
        // Two inputs may both have a document "a1"; writers name files by id, so ids stay unique.
        let id = match doc.id {
            Some(id) if !id.is_empty() && !taken.contains(&id) => id,
            _ => (i + 1..).map(|n| format!("d{n}")).find(|c| !taken.contains(c)).unwrap_or_default(),
        };
        taken.insert(id.clone());
        let spans = doc
            .spans
            .into_iter()
            .map(|mut s| {
                s.label = resolved.get(&s.label).copied().unwrap_or(s.label);
                s
            })
            .collect();
        out.push(Article::with_spans(ArticleId::new(id), doc.title, doc.text, spans).with_relations(doc.relations));
    }
    Ok((out, labels))
}

/// The names of the labels the batch's spans use, for a message.
fn used_labels(batch: &ImportBatch) -> String {
    let used: HashSet<Label> = batch.documents.iter().flat_map(|d| d.spans.iter().map(|s| s.label)).collect();
    let names: Vec<String> = batch.labels.iter().filter(|d| used.contains(&d.label)).map(|d| format!("“{}”", d.name)).collect();
    if names.is_empty() {
        "none (no spans were read)".into()
    } else {
        names.join(", ")
    }
}
