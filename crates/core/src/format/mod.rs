//! File formats: how articles and spans leave and re-enter newsmark.
//!
//! Owns: the labelled JSON format (version 1), its serialised types, export, validating import
//! and, with the `schema` feature, its JSON Schema; and `ImportBatch`, what every importer (this
//! one and those of other tools' formats in `newsmark-formats`) produces. Must never: let serde derives on the model
//! types define a file format (the serialised records in `labelled_json` do), or accept a file
//! partly.

mod batch;
mod error;
mod export;
mod fields;
mod import;
pub mod labelled_json;
#[cfg(feature = "schema")]
mod schema;
mod span_check;

pub use batch::{ImportBatch, ImportedDocument};
pub use error::{label_problem, ImportError, JsonSyntax};
pub use export::{annotations_to_json, article_to_json, export_json, labels_to_json};
pub use import::{article_from_json, article_from_parts, import_json, import_json_files, labels_from_json};
pub use labelled_json::{FORMAT_NAME, FORMAT_VERSION};
#[cfg(feature = "schema")]
pub use schema::labelled_json_schema;
