//! The JSON Schema of labelled JSON, generated from the serialised types.
//!
//! Owns: the generator settings and the text of the committed schema file. Must never: be
//! edited by hand into something the types do not say (a test compares the committed file
//! with this output).

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::Schema;

use super::labelled_json::LabelledJson;

/// The schema as committed in `schema/newsmark-labelled-json.v1.schema.json`: pretty-printed,
/// two-space indents, final newline.
pub fn labelled_json_schema() -> String {
    let schema = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(unwrap_description))
        .into_generator()
        .into_root_schema_for::<LabelledJson<'static>>();
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON and always serialises");
    out.push('\n');
    out
}

/// Doc comments are wrapped at 100 columns for the source; in a schema, where editors show the
/// description as one paragraph, those line breaks are noise.
fn unwrap_description(schema: &mut Schema) {
    if let Some(serde_json::Value::String(d)) = schema.get_mut("description") {
        *d = d.replace('\n', " ");
    }
}
