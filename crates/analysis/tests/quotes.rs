//! Direct quotations and their speakers: one case per speaker pattern, nesting, quotes over
//! several paragraphs, unbalanced marks and apostrophes; property tests that the quote finder
//! and the whole analysis never panic and keep every offset inside the text; and large inputs
//! that a quadratic algorithm could not finish (no timing asserts: linearity is by design, these
//! only make a regression obvious).

mod common;

use common::assert_valid_span;
use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes::{self, Options, Quote, SpeakerRule};
use newsmark_core::{ArticleText, Label};
use proptest::prelude::*;

fn find(text: &str) -> Vec<Quote> {
    quotes::find(&Doc::new(text))
}

fn find_with(text: &str, options: Options) -> Vec<Quote> {
    quotes::find_with(&Doc::new(text), &options)
}

/// (quoted text, speaker, the speaker's mention in the text) of each quote.
fn summary(text: &str) -> Vec<(&str, Option<String>, Option<&str>)> {
    find(text).into_iter().map(|q| (&text[q.bytes.clone()], q.speaker.clone(), q.speaker_bytes.map(|r| &text[r]))).collect()
}

fn one(text: &str) -> Quote {
    let found = find(text);
    assert_eq!(found.len(), 1, "expected one quote in {text:?}, found {found:#?}");
    found.into_iter().next().expect("one quote")
}

fn speaker_of(text: &str) -> Option<String> {
    one(text).speaker
}

// ---- speaker patterns -------------------------------------------------------------------------

#[test]
fn after_quote_verb_first() {
    let q = one("“We will win in November,” said Hillary Clinton.");
    assert_eq!(q.speaker.as_deref(), Some("Hillary Clinton"));
    assert_eq!(q.rule, SpeakerRule::AfterVerbFirst);
    assert_eq!(q.suggestion.label, Label::Quote);
    assert_eq!(q.suggestion.attributes.speaker.as_deref(), Some("Hillary Clinton"));
    assert!(q.suggestion.provenance.confidence.as_f32() >= 0.9);
    assert_eq!(&*q.suggestion.provenance.reason, "closing quote followed by 'said' and a name");
}

#[test]
fn after_quote_speaker_first() {
    let q = one("“We will win in November,” Clinton told reporters.");
    assert_eq!(q.speaker.as_deref(), Some("Clinton"));
    assert_eq!(q.rule, SpeakerRule::AfterSpeakerFirst);
    assert_eq!(speaker_of("\"It is over,\" Sen. Claire McCaskill (D-Mo.) said."), Some("Sen. Claire McCaskill".into()));
    assert_eq!(speaker_of("“It is over,” a campaign spokesman said on Monday."), Some("a campaign spokesman".into()));
}

#[test]
fn apposition_gives_the_role() {
    let text = "“Putin wants a weaker Europe,” Angela Stent, a senior fellow at the Brookings Institution, said.";
    let q = one(text);
    assert_eq!(q.speaker.as_deref(), Some("Angela Stent"));
    assert_eq!(q.role.as_deref(), Some("a senior fellow at the Brookings Institution"));
    assert_eq!(q.suggestion.attributes.speaker.as_deref(), Some("Angela Stent (a senior fellow at the Brookings Institution)"));
    assert_eq!(q.speaker_bytes.map(|r| &text[r]), Some("Angela Stent"));
    // Inverted, and a description before the name.
    let q = one("“It is over,” said Robby Mook, Clinton’s campaign manager.");
    assert_eq!((q.speaker.as_deref(), q.role.as_deref()), (Some("Robby Mook"), Some("Clinton’s campaign manager")));
    let q = one("“It is over,” campaign chairman John Podesta said.");
    assert_eq!((q.speaker.as_deref(), q.role.as_deref()), (Some("John Podesta"), Some("campaign chairman")));
}

#[test]
fn before_quote() {
    let q = one("Clinton said: “We will win in November.”");
    assert_eq!(q.speaker.as_deref(), Some("Clinton"));
    assert_eq!(q.rule, SpeakerRule::Before);
    assert_eq!(speaker_of("Sen. Warren told reporters on Monday, “The bank must be broken up.”"), Some("Sen. Warren".into()));
    assert_eq!(speaker_of("According to Trump, “the system is rigged.”"), Some("Trump".into()));
    assert_eq!(speaker_of("Trump attacked Clinton on Monday, saying, “She has no stamina.”"), Some("Trump".into()));
}

#[test]
fn previous_paragraph_ending_with_a_colon() {
    let text = "In a statement, Clinton said:\n“We will win in November.”\n";
    let q = one(text);
    assert_eq!(q.speaker.as_deref(), Some("Clinton"));
    assert_eq!(q.rule, SpeakerRule::PreviousParagraphColon);
}

#[test]
fn dash_credit() {
    let q = one("“Ask not what your country can do for you.” — John F. Kennedy");
    assert_eq!(q.speaker.as_deref(), Some("John F. Kennedy"));
    assert_eq!(q.rule, SpeakerRule::Dash);
}

#[test]
fn carried_within_a_paragraph_but_not_across() {
    let text = "“This is not fair,” Warren said. “It is weak leadership.”\n“A new paragraph with no attribution at all.”";
    let s = summary(text);
    assert_eq!(s.len(), 3);
    assert_eq!(s[1].1.as_deref(), Some("Warren"));
    assert_eq!(s[1].2, Some("Warren"), "a carried speaker points at the earlier mention");
    assert_eq!(find(text)[1].rule, SpeakerRule::EarlierInParagraph);
    assert_eq!(s[2].1, None, "never carried across a paragraph by default");
    let carried = find_with(text, Options { carry_previous_paragraph: true, ..Options::default() });
    assert_eq!(carried[2].rule, SpeakerRule::PreviousParagraph);
}

#[test]
fn pronouns_resolve_to_the_last_named_person() {
    let text = "Elizabeth Warren spoke in Boston on Monday. “We will not back down,” she said.";
    let q = one(text);
    assert_eq!(q.speaker.as_deref(), Some("Elizabeth Warren"));
    assert_eq!(q.speaker_bytes.map(|r| &text[r]), Some("she"));
    assert!(q.suggestion.provenance.reason.contains("'she' taken as the last named person, Elizabeth Warren"));
    // Unresolved: no name before.
    let q = one("“We will not back down,” she said.");
    assert_eq!(q.speaker, None);
    assert!(q.speaker_bytes.is_some());
}

#[test]
fn surnames_expand_to_full_names_and_keep_roles() {
    let text = "“Europe is divided,” said Angela Stent, a senior fellow at Brookings.\n“Moscow knows it,” Stent said.";
    let found = find(text);
    assert_eq!(found[1].speaker.as_deref(), Some("Angela Stent"));
    assert_eq!(found[1].role.as_deref(), Some("a senior fellow at Brookings"));
}

// ---- marks ------------------------------------------------------------------------------------

#[test]
fn straight_curly_and_single_quotes() {
    assert_eq!(summary("\"We will win,\" Clinton said.")[0].0, "\"We will win,\"");
    assert_eq!(summary("‘We will win,’ Clinton said.")[0].0, "‘We will win,’");
    assert_eq!(summary("'We will win,' Clinton said.")[0].0, "'We will win,'");
    assert_eq!(summary("''We will win,'' Clinton said.")[0].0, "''We will win,''");
}

#[test]
fn a_quote_inside_a_quote_is_part_of_it() {
    let text = "“He told me ‘go away,’ and then he said “never,” so I left,” Clinton said.";
    let s = summary(text);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, "“He told me ‘go away,’ and then he said “never,” so I left,”");
    assert_eq!(s[0].1.as_deref(), Some("Clinton"));
}

#[test]
fn apostrophes_are_not_quotes() {
    for text in [
        "Clinton’s plan won’t pass, and the ’90s are over.",
        "Rock 'n' roll isn't dead, the voters' choice was clear in the '90s.",
        "The Joneses’ house and O’Brien’s car.",
    ] {
        assert!(find_with(text, Options { min_confidence: 0.0, ..Options::default() }).is_empty(), "{text}");
    }
    // An apostrophe inside a single-quoted quote does not close it.
    assert_eq!(summary("‘We don’t know,’ Clinton said.")[0].0, "‘We don’t know,’");
}

#[test]
fn quotes_running_over_several_paragraphs() {
    let text = "“The first part of what I said.\n\n“The second part of it.\n\n“And the end,” Clinton said.\nAfterwards nothing.";
    let found = find(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].continues && !found[0].continued);
    assert!(found[1].continues && found[1].continued);
    assert!(!found[2].continues && found[2].continued);
    for q in &found {
        assert_eq!(q.speaker.as_deref(), Some("Clinton"), "every part gets the speaker");
    }
    let joined = find_with(text, Options { join_paragraphs: true, ..Options::default() });
    assert_eq!(joined.len(), 1);
    assert_eq!(&text[joined[0].bytes.clone()], "“The first part of what I said.\n\n“The second part of it.\n\n“And the end,”");
}

#[test]
fn quotes_over_several_paragraphs_in_single_marks() {
    // The British convention: single marks, each paragraph re-opening the quotation.
    let text = "‘We will not move.\n\n‘We will not be bought.\n\n‘And we will not be silent,’ Kwame Osei said.\nHe left.";
    let s = summary(text);
    assert_eq!(
        s.iter().map(|x| x.0).collect::<Vec<_>>(),
        vec!["‘We will not move.", "‘We will not be bought.", "‘And we will not be silent,’"]
    );
    assert!(s.iter().all(|x| x.1.as_deref() == Some("Kwame Osei")), "{s:?}");
    // A paragraph that opens with an apostrophe does not continue a single quote left open.
    assert!(find("‘We will not move.\n\n’Tis the season, the union said.").is_empty());
}

#[test]
fn unbalanced_marks_never_break_the_rest() {
    // An opening mark never closed: dropped; the quote inside it stands alone.
    let s = summary("“Never closed. “A real quote here,” he said.\nNext paragraph.");
    assert_eq!(s.iter().map(|x| x.0).collect::<Vec<_>>(), vec!["“A real quote here,”"]);
    // Closed at the paragraph's end when asked.
    let closed = find_with("“Never closed at all in this paragraph\nNext.", Options { close_unbalanced: true, ..Options::default() });
    assert_eq!(closed.len(), 1);
    // Stray closing marks, marks alone.
    for text in ["” stray", "“", "”", "\"", "'", "‘", "’", "“”", "\"\"", "''", "“‘", "’”"] {
        let _ = find(text);
        let _ = newsmark_analysis::suggest(text);
    }
}

#[test]
fn scare_quotes_and_partial_quotes_are_not_suggested_by_default() {
    let text = "Trump called the plan “a disaster” and left. The so-called “experts” disagreed.";
    assert!(find(text).is_empty());
    let all = find_with(text, Options { min_confidence: 0.0, ..Options::default() });
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|q| q.suggestion.provenance.confidence.as_f32() < quotes::MIN_CONFIDENCE));
    // A title of a work.
    assert!(find("His 2002 book, “Make Your Kid a Millionaire,” sold well.").is_empty());
}

#[test]
fn offsets_are_code_points() {
    let text = "😀 Ünïcödé: “Ça va,” dit-elle. 中文";
    let q = one(text);
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars[q.suggestion.start..q.suggestion.end].iter().collect();
    assert_eq!(s, "“Ça va,”");
}

// ---- properties -------------------------------------------------------------------------------

/// Characters that stress the finder: every kind of quotation mark and apostrophe, sentence
/// punctuation, line breaks, letters in several scripts, combining marks and emoji.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec!['“', '”', '"', '\'', '‘', '’', '«', '»', '„', '`']),
        3 => prop::sample::select(vec!['.', ',', ':', ';', '!', '?', '—', '-', '(', ')', '…']),
        3 => prop::sample::select(vec![' ', ' ', ' ', '\n', '\r', '\t', '\u{a0}']),
        6 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        1 => prop::sample::select(vec!['é', 'ß', 'Ω', 'ж', 'ع', 'ש', '中', '文', '\u{301}', '😀', '🇫', '\u{200d}']),
    ]
}

/// Words that trigger the speaker rules, mixed with tricky characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => tricky_char().prop_map(|c| c.to_string()),
        1 => prop::sample::select(vec![
            " said ", " Clinton ", " Mr. ", " Sen. ", " U.S. ", " he ", " she said", ", a senior fellow at ", " — ",
            " according to ", " told reporters: ", " Angela Stent", "’s ", " 'n' ", " ’90s ", "\n\n“", ",” ",
            " state ", " asked ", "’s answer: ", " Marcia \"Cia\" Price", " -- ", ", adding, “",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..400).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let doc = Doc::new(text);
    let article = ArticleText::new(text);
    for q in quotes::find_with(&doc, &Options { min_confidence: 0.0, ..Options::default() }) {
        assert!(q.bytes.start < q.bytes.end && q.bytes.end <= text.len());
        assert!(text.is_char_boundary(q.bytes.start) && text.is_char_boundary(q.bytes.end));
        if let Some(r) = &q.speaker_bytes {
            assert!(r.start < r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert_valid_span(&article, &q.suggestion);
    }
    for s in newsmark_analysis::suggest(text) {
        assert_valid_span(&article, &s);
    }
    for sentence in &doc.sentences {
        assert!(sentence.bytes.start < sentence.bytes.end && sentence.bytes.end <= text.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_offsets_stay_inside(text in prop::collection::vec(tricky_char(), 0..600).prop_map(|v| v.into_iter().collect::<String>())) {
        check(&text);
    }

    #[test]
    fn never_panics_on_newsy_text(text in newsy_text()) {
        check(&text);
    }

    #[test]
    fn never_panics_on_arbitrary_unicode(text in "\\PC{0,300}") {
        check(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    /// One paragraph of about 200 KB, no line breaks.
    #[test]
    fn huge_single_paragraph(seed in prop::collection::vec(tricky_char(), 200..400)) {
        let unit: String = seed.into_iter().filter(|c| *c != '\n' && *c != '\r').collect();
        let mut text = String::new();
        while text.len() < 200_000 {
            text.push_str(&unit);
        }
        check(&text);
    }
}

#[test]
fn text_without_sentences() {
    for text in ["", " ", "\n\n\n", "word", "no punctuation at all just words and more words", "....", "“”“”‘’", "\u{feff}", "\r\r\r"]
    {
        check(text);
    }
}

// ---- size -------------------------------------------------------------------------------------

/// A 1 MB single paragraph full of attributed quotes: a quadratic step would take minutes.
#[test]
fn one_megabyte_paragraph_of_quotes() {
    let mut text = String::with_capacity(1_100_000);
    let mut n = 0;
    while text.len() < 1_000_000 {
        text.push_str(&format!("“This is statement number {n}, and it matters,” said Senator Number Person. "));
        n += 1;
    }
    let found = find(&text);
    assert_eq!(found.len(), n);
    assert!(found.iter().all(|q| q.speaker.is_some()));
}

/// 300 KB of nothing but marks of one kind, or of apostrophes and words, and 100,000 one-line
/// paragraphs each opening a quote that continues into the next: the pairing stack stays
/// bounded and nothing is scanned twice.
#[test]
fn one_megabyte_of_marks() {
    for unit in ["“", "”", "\"", "‘", "'", "“‘", "don’t ", "“a ", "a” "] {
        let text = unit.repeat(300_000 / unit.len());
        let _ = find(&text);
    }
    let lines = "“a\n".repeat(100_000);
    let _ = find(&lines);
}

#[test]
fn lower_case_partial_quotations_and_indirect_speech_are_not_suggested() {
    // Lower case with the attribution after it, or after "said,": still direct quotations.
    assert_eq!(one("“we were stunned,” Mr. Barrett said.").rule, SpeakerRule::AfterSpeakerFirst);
    assert_eq!(one("Mr. Barrett said, “we were stunned by the deal.”").rule, SpeakerRule::Before);
    // Lower case after a colon or a dash, or with no speaker: the article's sentence goes on.
    assert!(find("Osei had a plan for the port: “a wholly new way of setting ferry fares.”").is_empty());
    // "said that, “…”" is indirect speech.
    assert!(find("The mayor posted that, “For those who doubt me, I will be at the pier at dawn.”").is_empty());
    // So is a "that" further from the quotation, with words of the article between.
    assert!(find("She said on Tuesday that under the new board, “the ferries have been left to rot.”").is_empty());
    assert!(find("She said on Tuesday that under the new board, “The ferries have been left to rot.”").is_empty());
    // "that" inside the quotation is not between the verb and the quotation, and "that day" or
    // "a letter that was sent" open no indirect speech.
    assert_eq!(one("She said on Tuesday: “That is why the ferries rot.”").rule, SpeakerRule::Before);
    assert_eq!(one("She told reporters that day, “The ferries have been left to rot.”").rule, SpeakerRule::Before);
    assert_eq!(one("She wrote in a letter that was sent on Monday, “The ferries have been left to rot.”").rule, SpeakerRule::Before);
}
