//! The summary's groups that read what the suggestions keep: opinions under their holder, and a
//! claim's `source_kind` deciding its source group over the name's classification.

use newsmark_analysis::summary::{summarize, Source};
use newsmark_core::{Article, ArticleId, Label, SpanId};

#[test]
fn opinions_are_grouped_by_holder_and_a_suggested_source_kind_decides_the_group() {
    let text = "Ana Ruiz called the plan reckless. She said the plan was late. The port said so. It is said to cost more.";
    let at = |needle: &str| {
        let start = text[..text.find(needle).unwrap()].chars().count();
        (start, start + needle.chars().count())
    };
    let span = |id: &str, label, needle, set: &dyn Fn(&mut newsmark_core::Attributes)| {
        let (start, end) = at(needle);
        let mut span = newsmark_core::Span::manual(SpanId::new(id), label, start, end);
        set(&mut span.attributes);
        span
    };
    let kind = |value: &'static str| move |a: &mut newsmark_core::Attributes| a.other.push(("source_kind".into(), value.into()));
    let spans = vec![
        span("o1", Label::Opinion, "the plan reckless", &|a| a.holder = Some("Ana Ruiz".into())),
        span("c1", Label::Claim, "the plan was late", &|a| a.source = Some("She".into())),
        span("c2", Label::Claim, "so", &|a| {
            a.source = Some("The port".into());
            kind("document")(a)
        }),
        span("o2", Label::Opinion, "cost more", &|_| {}),
        span("c3", Label::Claim, "It is said to cost more", &|a| {
            a.source = Some("unnamed".into());
            kind("unnamed")(a)
        }),
    ];
    let article = Article::with_spans(ArticleId::new("a"), String::new(), std::rc::Rc::new(newsmark_core::ArticleText::new(text)), spans);
    let s = summarize(&article, &str::to_lowercase);
    let holders: Vec<(&str, usize)> = s.holders.iter().map(|h| (h.name.as_str(), h.claims.len())).collect();
    assert_eq!(holders, [("Ana Ruiz", 1)], "an opinion with no holder is only in the density");
    let names = |list: &[Source]| list.iter().map(|x| x.name.clone()).collect::<Vec<_>>();
    // The name alone would make "The port" a named source; the kind kept with the span wins.
    assert_eq!(names(&s.documents), ["The port"]);
    assert_eq!(names(&s.named_sources), ["She"], "no kind kept: the name is classified");
    assert_eq!(names(&s.anonymous_sources), ["unnamed"]);
}
