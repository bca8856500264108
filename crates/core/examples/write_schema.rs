//! Writes `schema/newsmark-labelled-json.v1.schema.json` from the serialised types.
//!
//! Run `cargo run -p newsmark-core --features schema --example write_schema` after changing
//! anything in `crates/core/src/format/labelled_json.rs`; the `schema_file_is_current` test
//! fails until the committed file matches.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/newsmark-labelled-json.v1.schema.json");
    std::fs::write(&path, newsmark_core::format::labelled_json_schema())?;
    println!("wrote {}", path.display());
    Ok(())
}
