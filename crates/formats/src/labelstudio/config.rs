//! The Label Studio labelling configuration that fits an export: without one whose control names
//! match the tasks' `from_name` and `to_name`, Label Studio cannot show the imported regions.
//!
//! Owns: the XML of that configuration. Must never: emit a name or value unescaped.

use newsmark_core::{Article, LabelSet};

use super::write::{answers, LABELS, TEXT};

pub(super) fn config(articles: &[&Article], labels: &LabelSet) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    let mut areas: Vec<&str> = Vec::new();
    for article in articles {
        for r in article.relations.iter() {
            if !kinds.contains(&&*r.kind) {
                kinds.push(&r.kind);
            }
        }
        for span in article.spans.iter() {
            for (name, _) in answers(span) {
                // A control needs a name of its own.
                if !areas.contains(&name) && name != LABELS && name != TEXT {
                    areas.push(name);
                }
            }
        }
    }
    let mut out = String::from("<View>\n  <Header value=\"$title\"/>\n");
    out.push_str(&format!("  <Labels name=\"{LABELS}\" toName=\"{TEXT}\">\n"));
    for def in labels.iter() {
        out.push_str(&format!("    <Label value=\"{}\" background=\"{}\"/>\n", escape(&def.name), escape(&def.colour)));
    }
    out.push_str("  </Labels>\n");
    out.push_str(&format!("  <Text name=\"{TEXT}\" value=\"${TEXT}\"/>\n"));
    if !kinds.is_empty() {
        out.push_str("  <Relations>\n");
        for kind in kinds {
            out.push_str(&format!("    <Relation value=\"{}\"/>\n", escape(kind)));
        }
        out.push_str("  </Relations>\n");
    }
    for name in areas {
        out.push_str(&format!("  <TextArea name=\"{}\" toName=\"{TEXT}\" perRegion=\"true\"/>\n", escape(name)));
    }
    out.push_str("</View>\n");
    out
}

/// `s` as an XML attribute value between double quotes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_attribute_values() {
        assert_eq!(super::escape("a \"b\" <c> & d"), "a &quot;b&quot; &lt;c&gt; &amp; d");
    }
}
