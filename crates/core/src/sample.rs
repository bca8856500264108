//! The sample article shown on first visit, written for newsmark, with a few example spans.
//!
//! Owns: the sample's text and its example annotations. Must never: be used once the person has
//! a saved workspace (the reducer only reaches it on a first visit).

use std::rc::Rc;

use crate::article::{Article, ArticleId};
use crate::label::{AttributeKey, Label};
use crate::span::{Attributes, Origin, Span, SpanId};
use crate::text::ArticleText;

pub const TITLE: &str = "Sample: Harbour city council delays ferry fare rise after dockworkers’ protest";

pub const TEXT: &str = "\
PORT ELLISON, March 14 (Newsmark Wire) – The city council of Port Ellison voted on Thursday to delay a planned 18 percent rise in ferry fares, hours after several hundred dockworkers and commuters marched on the town hall to demand that the increase be scrapped.

“We are not going to balance the harbour budget on the backs of people who cross the water to get to work,” Mayor Ines Carvalho told reporters after the vote. “This council heard them today.”

The fare rise, which would have taken effect on April 1, was proposed last autumn by the Harbour Transit Authority, which says rising fuel and insurance costs left it with a shortfall of 4.2 million euros this year. According to the authority’s annual report, ridership fell by 7 percent in 2025.

Authority chairman Paul Osei said the delay only postponed a hard decision. “Fuel does not get cheaper because we wish it would,” he said. “Sooner or later somebody pays.”

Two council officials familiar with the negotiations said the authority had privately warned that two evening routes could be cut by the summer if no new money was found. The authority declined to comment on the routes.

The marchers, organised by the Dock and Ferry Workers’ Union, presented the council with a list of demands. The union called on the council to freeze fares for two years, to publish the authority’s full accounts, and to give commuters a seat on the transit board. It also urged the regional government to cover the fuel shortfall from its transport fund.

“People are tired of being told that the numbers are secret,” said union secretary Mara Lindqvist, a former ferry deckhand who has led the union since 2021. “Open the books, and then we can talk about fares.”

Regional transport minister Tomas Brandt, speaking in the provincial capital, said the government had “no plans at the moment” to add money for the harbour ferries, but that his office would review the authority’s figures.

Commuter groups welcomed the delay but said it solved nothing. “I don’t think a three-month pause is a victory,” said Aylin Demir, who takes the 6:40 ferry to the shipyard every morning. “It is a stay of execution.”

Some economists argue the fare rise is overdue. Lena Fischer, a transport economist at the University of Westmarch, said fares in Port Ellison had not risen in real terms for a decade and were among the lowest in the region. In her view, the council is “postponing the inevitable and making it more painful”.

The council will take up the authority’s budget again at its June meeting. Until then, fares remain at 2.40 euros for a single crossing.

Union leaders said they would return to the town hall in June if the authority does not open its accounts before then. “We will be back,” Lindqvist said, “and there will be more of us.”
";

/// An example span: its label, its exact text (found in `TEXT` by first match), its attributes.
type Example = (Label, &'static str, &'static [(AttributeKey, &'static str)]);

const EXAMPLES: &[Example] = &[
    (
        Label::Quote,
        "“We are not going to balance the harbour budget on the backs of people who cross the water to get to work,”",
        &[(AttributeKey::Speaker, "Ines Carvalho")],
    ),
    (Label::Claim, "ridership fell by 7 percent in 2025", &[(AttributeKey::Source, "the authority’s annual report")]),
    (
        Label::Demand,
        "freeze fares for two years",
        &[(AttributeKey::By, "Dock and Ferry Workers’ Union"), (AttributeKey::To, "the city council")],
    ),
    (Label::Opinion, "postponing the inevitable and making it more painful", &[(AttributeKey::Holder, "Lena Fischer")]),
];

pub fn article(id: ArticleId) -> Article {
    let text = Rc::new(ArticleText::new(TEXT));
    let spans = EXAMPLES
        .iter()
        .enumerate()
        .filter_map(|(i, (label, exact, attrs))| {
            let byte = TEXT.find(exact)?;
            let start = TEXT[..byte].chars().count();
            let mut attributes = Attributes::default();
            for (key, value) in attrs.iter() {
                attributes.set(*key, value);
            }
            Some(Span {
                id: SpanId::new(format!("s{}", i + 1)),
                label: *label,
                start,
                end: start + exact.chars().count(),
                attributes,
                origin: Origin::Manual,
                fragments: None,
            })
        })
        .collect();
    Article::with_spans(id, TITLE.to_string(), text, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_is_found_and_the_article_is_about_500_words() {
        let a = article(ArticleId::new("a1"));
        assert_eq!(a.spans.len(), EXAMPLES.len());
        for span in &a.spans {
            let expected = EXAMPLES.iter().find(|e| e.0 == span.label).unwrap().1;
            assert_eq!(a.span_text(span), expected);
        }
        let words = TEXT.split_whitespace().count();
        assert!((430..=600).contains(&words), "{words} words");
    }
}
