//! The wording of the core's notices, of a text refused as an article, and of a refused label
//! edit.
//!
//! Must never: add to what the data says (every number and name comes from the message).

use newsmark_core::decimal::fixed;
use newsmark_core::shown::shown_name;
use newsmark_core::state::MAX_ARTICLE_BYTES;
use newsmark_core::{LabelError, Message, TextRefusal};

use super::plural;

/// Notes from the format readers shown in an import's notice; the rest are counted.
const WARNINGS_SHOWN: usize = 3;

/// The notice for `message`. Names in it (titles, labels, relation kinds, file names, quoted
/// values) may come from someone else's files, so invisible and direction characters are shown as
/// their code points (`newsmark_core::shown`). Line breaks stay breaks: a message may have
/// several lines (a worker's panic, a list of warnings), and a break hides nothing.
pub fn notice(message: &Message) -> String {
    worded(message).split('\n').map(shown_name).collect::<Vec<_>>().join("\n")
}

fn worded(message: &Message) -> String {
    match message {
        Message::RestoreFailed { why } => {
            format!("Your saved workspace could not be read, so nothing will be saved over it in this tab: {why}")
        }
        Message::EmptyTitle => "A title cannot be empty.".into(),
        Message::TextRefused(why) => text_refusal(why),
        Message::ArticleDeleted { title, .. } => format!("Deleted “{title}”. Undo (Ctrl+Z) brings it back."),
        Message::LabelRefused(why) => label_error(why),
        Message::LabelRemoved { name, spans: 0, .. } => format!("Removed the label “{name}”. Undo (Ctrl+Z) brings it back."),
        Message::LabelRemoved { name, spans, .. } => {
            format!("Removed the label “{name}” and its {}. Undo (Ctrl+Z) brings it back.", plural(*spans, "span", "spans"))
        }
        Message::Imported { articles, spans, relations, source, warnings } => imported(*articles, *spans, *relations, source, warnings),
        Message::SelfRelation => "A relation links two different spans.".into(),
        Message::AlreadyLinked { kind } => format!("These spans are already linked as “{kind}”."),
        Message::AnalysisDone { count: 0, .. } => "The analysis found nothing new to suggest in this article.".into(),
        Message::AnalysisDone { count, .. } => format!("{} to review.", plural(*count, "suggestion", "suggestions")),
        Message::AnalysisFailed { why } => format!("The analysis could not finish: {why}"),
        Message::Exported { count } => format!("Exported {}.", plural(*count, "article", "articles")),
        Message::ExportFailed { why } => format!("The export could not be offered as a download: {why}"),
        Message::Worded(text) => text.clone(),
        // Faults (issue 16): huge input.
        Message::ImportCancelled => "The import was cancelled, and nothing was changed.".into(),
    }
}

fn imported(articles: usize, spans: usize, relations: usize, source: &str, warnings: &[String]) -> String {
    let mut text = format!("Imported {} with {}", plural(articles, "article", "articles"), plural(spans, "span", "spans"));
    if relations > 0 {
        text.push_str(&format!(" and {}", plural(relations, "relation", "relations")));
    }
    if !source.is_empty() {
        text.push_str(&format!(" from {source}"));
    }
    text.push('.');
    for warning in warnings.iter().take(WARNINGS_SHOWN) {
        text.push(' ');
        text.push_str(warning);
    }
    if warnings.len() > WARNINGS_SHOWN {
        text.push_str(&format!(" And {} more notes.", warnings.len() - WARNINGS_SHOWN));
    }
    text
}

pub fn text_refusal(why: &TextRefusal) -> String {
    match why {
        TextRefusal::Empty => "The article text is empty (or only spaces and line breaks), so there is nothing to annotate.".into(),
        TextRefusal::TooBig { bytes } => format!(
            "The article is {} MB; newsmark opens articles up to {} MB. Split it into smaller articles.",
            fixed(*bytes as f64 / 1_048_576.0, 1),
            MAX_ARTICLE_BYTES / 1_048_576
        ),
    }
}

pub fn label_error(why: &LabelError) -> String {
    shown_name(&newsmark_core::format::label_problem(why))
}

#[cfg(test)]
mod tests {
    use newsmark_core::ArticleId;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn notices_say_what_the_core_said_before_it_gave_data() {
        let a = ArticleId::new("a1");
        assert_eq!(notice(&Message::AnalysisDone { article: a.clone(), count: 25 }), "25 suggestions to review.");
        assert_eq!(notice(&Message::AnalysisDone { article: a.clone(), count: 1 }), "1 suggestion to review.");
        assert_eq!(
            notice(&Message::AnalysisDone { article: a.clone(), count: 0 }),
            "The analysis found nothing new to suggest in this article."
        );
        assert_eq!(
            notice(&Message::ArticleDeleted { article: a, title: "Ferry".into() }),
            "Deleted “Ferry”. Undo (Ctrl+Z) brings it back."
        );
        let removed = |spans| notice(&Message::LabelRemoved { label: newsmark_core::Label::Custom(1), name: "Named person".into(), spans });
        assert_eq!(removed(2), "Removed the label “Named person” and its 2 spans. Undo (Ctrl+Z) brings it back.");
        assert_eq!(removed(0), "Removed the label “Named person”. Undo (Ctrl+Z) brings it back.");
        let imported = |relations, warnings: Vec<String>| {
            notice(&Message::Imported { articles: 1, spans: 3, relations, source: "“pilots.ann”".into(), warnings })
        };
        assert_eq!(imported(1, vec![]), "Imported 1 article with 3 spans and 1 relation from “pilots.ann”.");
        let notes: Vec<String> = (1..=5).map(|i| format!("Note {i}.")).collect();
        assert_eq!(imported(0, notes), "Imported 1 article with 3 spans from “pilots.ann”. Note 1. Note 2. Note 3. And 2 more notes.");
        assert_eq!(notice(&Message::Exported { count: 1 }), "Exported 1 article.");
        assert_eq!(notice(&Message::EmptyTitle), "A title cannot be empty.");
    }

    #[wasm_bindgen_test]
    fn names_in_notices_show_their_invisible_and_direction_characters() {
        let a = ArticleId::new("a1");
        assert_eq!(
            notice(&Message::ArticleDeleted { article: a, title: "photo\u{202e}gnp.exe".into() }),
            "Deleted “photo⟨U+202E⟩gnp.exe”. Undo (Ctrl+Z) brings it back."
        );
        let source = "“x\u{200b}\u{2067}.ann”".to_string();
        let imported = notice(&Message::Imported { articles: 1, spans: 0, relations: 0, source, warnings: vec![] });
        assert_eq!(imported, "Imported 1 article with 0 spans from “x⟨U+200B⟩⟨U+2067⟩.ann”.");
        assert_eq!(
            label_error(&LabelError::NameTaken { name: "\u{202d}Source".into() }),
            "There is already a label called “⟨U+202D⟩Source”."
        );
    }

    #[wasm_bindgen_test]
    fn refusals_in_forms() {
        assert_eq!(
            text_refusal(&TextRefusal::TooBig { bytes: 9 * 1_048_576 }),
            "The article is 9.0 MB; newsmark opens articles up to 8 MB. Split it into smaller articles."
        );
        assert_eq!(label_error(&LabelError::BuiltinName { name: "Claim".into() }), "“Claim” is the name of a built-in label.");
        assert_eq!(label_error(&LabelError::HotkeyTaken { key: '1', owner: "claim".into() }), "The key 1 already applies “claim”.");
    }
}
