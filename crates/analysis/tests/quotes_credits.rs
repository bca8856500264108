//! Credits that interrupt a quotation or are written in less common shapes (issue 17): a
//! quotation split by its credit is one quote per quoted fragment, each with the credit's speaker
//! (the fragment is the unit a person accepts and the benchmark counts), also after a dash or
//! when the writer left out the first fragment's closing mark; "state" before a title or a
//! speaker noun is a noun, not the reporting verb; a name in an apposition (after a role, before a
//! parenthetical, between dashes) is the speaker, a name after a preposition is not; "asked X"
//! after a question; a possessive or a known name before a colon; a name that introduces a
//! quotation beats the pronoun after it; a nickname in marks inside a name. With the near misses
//! that must stay as they were. Invented wire-style sentences.

use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes::{self, Quote, SpeakerRule};

fn find(text: &str) -> Vec<Quote> {
    quotes::find(&Doc::new(text))
}

/// (quoted text, speaker, the speaker's mention) of each suggested quote.
fn summary(text: &str) -> Vec<(&str, Option<String>, Option<&str>)> {
    find(text).into_iter().map(|q| (&text[q.bytes.clone()], q.speaker.clone(), q.speaker_bytes.map(|r| &text[r]))).collect()
}

fn parts(text: &str) -> Vec<&str> {
    summary(text).into_iter().map(|s| s.0).collect()
}

// ---- a quotation interrupted by its credit -----------------------------------------------------

#[test]
fn an_interrupted_quotation_is_one_quote_per_fragment_each_with_the_speaker() {
    for (text, first, second, speaker) in [
        (
            "“We will not move,” Ines Carvalho said, “until the council votes on the fares.”",
            "“We will not move,”",
            "“until the council votes on the fares.”",
            "Ines Carvalho",
        ),
        (
            "“We will not move,” said Ines Carvalho, the union’s leader, “until the council votes.”",
            "“We will not move,”",
            "“until the council votes.”",
            "Ines Carvalho",
        ),
        (
            "“We will not move,” Carvalho told reporters on Tuesday, “until the council votes.”",
            "“We will not move,”",
            "“until the council votes.”",
            "Carvalho",
        ),
        (
            "\"We will not move,\" Carvalho said, \"until the council votes.\"",
            "\"We will not move,\"",
            "\"until the council votes.\"",
            "Carvalho",
        ),
        (
            "''We will not move,'' Mr. Osei said, ''until the council votes.''",
            "''We will not move,''",
            "''until the council votes.''",
            "Mr. Osei",
        ),
        (
            "“We will not move,” Carvalho said, adding, “until the council votes.”",
            "“We will not move,”",
            "“until the council votes.”",
            "Carvalho",
        ),
    ] {
        let s = summary(text);
        assert_eq!(s.iter().map(|x| x.0).collect::<Vec<_>>(), vec![first, second], "{text}");
        for (quoted, name, _) in &s {
            assert_eq!(name.as_deref(), Some(speaker), "{quoted} in {text}");
        }
        // Both fragments point at the one credit.
        assert_eq!(s[0].2, s[1].2, "{text}");
    }
}

#[test]
fn the_rest_after_a_dash_credit_is_suggested_with_its_reason() {
    let text = "“It is a matter,” Lena Fischer said in a statement — “for the courts, not for the port.”";
    let found = find(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    let rest = &found[1];
    assert_eq!(&text[rest.bytes.clone()], "“for the courts, not for the port.”");
    assert_eq!(rest.speaker.as_deref(), Some("Lena Fischer"));
    assert_eq!(rest.rule, SpeakerRule::Before);
    assert_eq!(&*rest.suggestion.provenance.reason, "rest of a quotation interrupted by its credit, a name and 'said'");
    // The same with a comma after the credit keeps working, now with the same reason.
    let text = "“The ferries,” she said, “are late.”";
    assert_eq!(parts(text), vec!["“The ferries,”", "“are late.”"]);
    assert!(find(text)[1].suggestion.provenance.reason.starts_with("rest of a quotation interrupted by its credit"));
}

#[test]
fn a_lower_case_quotation_after_a_dash_is_not_the_rest_of_an_earlier_sentence() {
    // The first quotation closes its sentence: the dash quotation is a partial one.
    assert_eq!(
        parts("“It is a matter for the courts.” Fischer said in a statement — “a wholly new way of setting fares.”"),
        vec!["“It is a matter for the courts.”"]
    );
    // No earlier quotation at all.
    assert!(find("Osei had a plan for the port — “a wholly new way of setting ferry fares.”").is_empty());
    // A credit with "said that" between: indirect speech, even after an interrupted quote.
    assert_eq!(parts("“It is a matter,” Fischer said, and she said that “the courts will decide.”"), vec!["“It is a matter,”"]);
}

#[test]
fn an_interrupted_quotation_over_a_credit_with_a_pronoun_keeps_the_named_speaker() {
    let text = "Lena Fischer spoke at the pier on Monday. “We will not move,” she said, “until the council votes.”";
    let s = summary(text);
    assert_eq!(s.len(), 2);
    assert!(s.iter().all(|x| x.1.as_deref() == Some("Lena Fischer") && x.2 == Some("she")), "{s:?}");
}

// ---- "state" as a noun -------------------------------------------------------------------------

#[test]
fn state_before_a_title_or_a_speaker_noun_is_not_the_reporting_verb() {
    let q = &find("“The roads are closed,” state Sen. Ada Brook said.")[0];
    assert_eq!((q.speaker.as_deref(), q.rule), (Some("Sen. Ada Brook"), SpeakerRule::AfterSpeakerFirst));
    assert_eq!(&*q.suggestion.provenance.reason, "closing quote followed by a name and 'said'");
    assert_eq!(summary("“The roads are closed,” state Rep. Ada Brook (R-Harbour) said.")[0].1.as_deref(), Some("Rep. Ada Brook"));
    assert_eq!(summary("“The roads are closed,” state officials said.")[0].1.as_deref(), Some("state officials"));
    assert_eq!(summary("“The roads are closed,” state police said in a statement.")[0].1.as_deref(), Some("state police"));
    assert_eq!(summary("“The roads are closed,” said state Sen. Ada Brook.")[0].1.as_deref(), Some("Sen. Ada Brook"));
}

#[test]
fn state_as_a_verb_still_credits_its_subject() {
    let q = &find("“The roads are closed,” they state.")[0];
    assert_eq!((q.speaker_bytes.is_some(), q.rule), (true, SpeakerRule::AfterSpeakerFirst));
    let text = "The engineers state: “The roads are closed.”";
    let q = &find(text)[0];
    assert_eq!((q.speaker_bytes.clone().map(|r| &text[r]), q.rule), (Some("The engineers"), SpeakerRule::Before));
}

// ---- names in appositions ----------------------------------------------------------------------

#[test]
fn a_name_in_an_apposition_after_a_role_or_before_a_parenthetical_speaks() {
    for (text, mention) in [
        ("“The roads are closed,” Osei’s niece, state Del. Ama Price (D-Harbour), said.", "Del. Ama Price"),
        ("“The roads are closed,” Osei’s niece, state Del. Ama Price (D-Harbour), shouted to the crowd.", "Del. Ama Price"),
        ("“The roads are closed,” Osei’s niece, Sen. Ama Price (D-Harbour), said.", "Sen. Ama Price"),
        ("“The roads are closed,” Osei’s niece, Sen. Ama Price, said.", "Sen. Ama Price"),
    ] {
        let s = summary(text);
        assert_eq!(s[0].2, Some(mention), "{text}");
    }
    // The role stays with the name.
    let q = &find("“The roads are closed,” Osei’s niece, Sen. Ama Price (D-Harbour), said.")[0];
    assert_eq!(q.role.as_deref(), Some("Osei’s niece"));
}

#[test]
fn an_apposition_that_only_ends_in_a_name_is_not_the_speaker() {
    // "a spokeswoman for the Harbour Authority": an organisation at the end of a role, after more
    // than two words; the description before it speaks.
    let text = "“The roads are closed,” the head of the port, a spokeswoman for Ama Price, said.";
    let q = &find(text)[0];
    assert_eq!(q.speaker_bytes.clone().map(|r| &text[r]), Some("the head of the port"));
}

// ---- nicknames ---------------------------------------------------------------------------------

#[test]
fn a_nickname_in_quotation_marks_is_part_of_the_credit() {
    let text = "“This is a big night for Westmarch!” Osei’s niece, state Del. Marcia \"Cia\" Price (D-Harbour), shouted to the crowd.";
    let s = summary(text);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].2, Some("Osei’s niece"));
    let text = "“This is a big night,” said Marcia \"Cia\" Price.";
    let s = summary(text);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(s[0].2.is_some_and(|m| m.contains("Marcia")), "{s:?}");
}

// ---- dashes, questions, possessives, prepositions -----------------------------------------------

#[test]
fn an_apposition_between_dashes_keeps_the_name_as_speaker() {
    for text in [
        "“The fares will rise,” Ada Brook — the port’s director — said.",
        "Ada Brook — the port’s director — said: “The fares will rise.”",
        "“The fares will rise,” Ada Brook, the director of the port -- which handles most of the island’s freight -- told me.",
    ] {
        let q = &find(text)[0];
        assert_eq!(q.speaker_bytes.clone().map(|r| &text[r]), Some("Ada Brook"), "{text}");
        assert!(q.role.as_deref().is_some_and(|r| r.contains("director")), "{text}: {q:?}");
    }
    // A dash after the verb is no apposition: "— and then she left" is the article's sentence.
    let text = "“The fares will rise,” Ada Brook said — and then she left.";
    assert_eq!(find(text)[0].speaker_bytes.clone().map(|r| &text[r]), Some("Ada Brook"));
}

#[test]
fn asked_after_a_question_names_the_one_who_asked() {
    let text = "“Will the fares rise?” asked Kwame Osei.";
    let q = &find(text)[0];
    assert_eq!((q.speaker.as_deref(), q.rule), (Some("Kwame Osei"), SpeakerRule::AfterVerbFirst));
    // After a statement, "asked" names the one addressed: not a credit.
    let text = "“The fares will rise,” asked Kwame Osei.";
    assert!(find(text).iter().all(|q| q.speaker.is_none()));
    // "told" never takes an inverted subject, question or not.
    assert!(find("“Will the fares rise?” told Kwame Osei.").iter().all(|q| q.speaker.is_none()));
}

#[test]
fn a_possessive_name_before_a_colon_credits_the_quote() {
    let q = &find("Osei’s answer: “The fares will rise.”")[0];
    assert_eq!(q.speaker.as_deref(), Some("Osei"));
    // A single capitalised word opening the clause is still not taken for a name.
    assert!(find("Update: “The fares will rise.”").iter().all(|q| q.speaker.is_none()));
}

#[test]
fn a_name_after_a_preposition_is_not_the_speaker() {
    for (text, mention) in [
        ("“We are ready,” a spokesman for Ada Brook said.", "a spokesman for Ada Brook"),
        ("“We are ready,” said a spokesman for Ada Brook.", "a spokesman for Ada Brook"),
        ("“We are ready,” campaign spokesman Tom Reyes said.", "Tom Reyes"),
        ("“We are ready,” said campaign spokesman Tom Reyes.", "Tom Reyes"),
    ] {
        assert_eq!(find(text)[0].speaker_bytes.clone().map(|r| &text[r]), Some(mention), "{text}");
    }
}

// ---- a closing mark left out before the credit --------------------------------------------------

#[test]
fn a_fragment_left_unclosed_before_its_credit_is_its_own_quote() {
    let text = "“We will not move, Ines Carvalho said, “until the council votes on the fares.”";
    let found = find(text);
    assert_eq!(
        found.iter().map(|q| &text[q.bytes.clone()]).collect::<Vec<_>>(),
        vec!["“We will not move,", "“until the council votes on the fares.”"]
    );
    assert!(found.iter().all(|q| q.speaker.as_deref() == Some("Ines Carvalho")), "{found:#?}");
    assert_eq!(
        &*found[0].suggestion.provenance.reason,
        "closing quote followed by a name and 'said'; the writer left out its closing mark"
    );
    // Without a credit between, an unclosed mark is still dropped and the inner quote stands alone.
    let text = "“We will not move, and nobody, “not even the council,” can make us.";
    assert_eq!(find(text).len(), 0);
}

// ---- a name before the quotation and a pronoun after it ------------------------------------------

#[test]
fn a_name_that_introduces_a_quotation_beats_the_pronoun_after_it() {
    let text = "Sen. Ada Brook scolded the board: “You have let the ferries rot,” she said. “Nobody in this room can deny it.”";
    let s = summary(text);
    assert_eq!(s.len(), 2, "{s:?}");
    // The first quotation is credited to the name that introduces it…
    assert_eq!((s[0].1.as_deref(), s[0].2), (Some("Sen. Ada Brook"), Some("Sen. Ada Brook")));
    assert_eq!(find(text)[0].rule, SpeakerRule::Before);
    // …and the next one, with no credit of its own, through the nearer "she".
    assert_eq!((s[1].1.as_deref(), s[1].2), (Some("Sen. Ada Brook"), Some("she")));
    // Without a colon the pronoun after the quotation stays its credit.
    let text = "Sen. Ada Brook spoke to the board. “You have let the ferries rot,” she said.";
    assert_eq!(summary(text)[0].2, Some("she"));
}

// ---- a known person's name before a colon, with no reporting verb -------------------------------

#[test]
fn a_known_persons_name_opening_a_clause_before_a_colon_credits_the_quote() {
    let text = "Kwame Osei and Ada Brook met at the pier. “We will not move,” Osei said. Brook disagreed: “They will move by June.”";
    let found = find(text);
    assert_eq!(found.len(), 2);
    assert_eq!((found[1].speaker.as_deref(), found[1].rule), (Some("Ada Brook"), SpeakerRule::Before));
    assert_eq!(&*found[1].suggestion.provenance.reason, "a name and a colon just before the opening quote");
    // A capitalised word not known as a person's name is not a credit.
    let text = "Harbour disagreed: “They will move by June.”";
    assert!(find(text).iter().all(|q| q.speaker.is_none()));
    let text = "Partial transcript as follows: “They will move by June.”";
    assert!(find(text).iter().all(|q| q.speaker.is_none()));
}
