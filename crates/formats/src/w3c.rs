//! W3C Web Annotation (JSON-LD), both ways.
//!
//! A span is an Annotation whose `target` selects its text with a TextQuoteSelector (the exact
//! text and up to 32 characters either side) and a TextPositionSelector (code points, end
//! exclusive, as the model requires); its label is a `tagging` TextualBody, its note a
//! `commenting` one and each other attribute a `describing` one. A discontinuous span has one
//! target per fragment. A relation is an Annotation with motivation `linking` whose two targets
//! are the span annotations' ids, in order from → to, and whose tagging body is the kind. The
//! export is one AnnotationCollection, which also carries the articles' texts (`nm:sources`),
//! so that reading an export gives back exactly the articles written. Terms newsmark adds are
//! prefixed `nm:`. `docs/formats/json-formats.md` describes all of it.
//!
//! Owns: that mapping and the reading of W3C annotations from other tools (a collection, a page,
//! an array or one annotation), whose texts come embedded in `target.source` or as `.txt` files
//! chosen beside them. Must never: place a span whose position and quote disagree unless the
//! quote, with its prefix and suffix, occurs exactly once.

mod annotation;
mod iri;
mod quote;
mod read;
mod write;

use newsmark_core::{Article, LabelSet};

use crate::{FormatError, ImportBatch, InputFile, OutputFile};

/// The one file [`write`] produces.
pub const FILE_NAME: &str = "w3c/annotations.jsonld";

/// The Web Annotation context every export names.
const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The namespace of newsmark's own terms (`nm:sources`, `nm:attribute`, ...).
const NM: &str = "urn:newsmark:ns#";

/// Reads W3C Web Annotation JSON(-LD) files; `.txt` files among `files` supply the texts that
/// annotations name by IRI (matched by file name).
pub fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    read::read(files, workspace)
}

/// Writes every article, with its spans and relations, as one AnnotationCollection.
pub fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    vec![OutputFile { name: FILE_NAME.into(), text: write::collection(articles, labels) }]
}
