//! Invented wire-style reports for scoring opinion suggestions: each text holds at most one
//! opinion (or a near miss that must not be one), with the holder a person would give it.
//! Written for newsmark; names and places are made up.
//!
//! Owns: the cases and their gold. Must never: hold text taken from a corpus.

pub struct Case {
    pub text: &'static str,
    /// Whether the text holds an opinion.
    pub opinion: bool,
    /// The holder a person would name; `None` for the writer or when no one is named.
    pub holder: Option<&'static str>,
}

const fn yes(text: &'static str, holder: Option<&'static str>) -> Case {
    Case { text, opinion: true, holder }
}

const fn no(text: &'static str) -> Case {
    Case { text, opinion: false, holder: None }
}

pub const CASES: &[Case] = &[
    // Stance verbs + clause, and their near misses.
    yes("Harbour residents fear that the new ferry timetable will cut them off in winter.", Some("Harbour residents")),
    yes("Councillor Mira Osei believes the levy is a tax on the poor.", Some("Councillor Mira Osei")),
    yes("The rail union hopes the talks will resume next week.", Some("The rail union")),
    yes("The levy will hurt small shops, the traders' guild fears.", Some("the traders' guild")),
    no("The Hope Diamond went on display in Corvale on Tuesday."),
    no("Hopes of a settlement faded after the vote on Friday."),
    no("The ministry said the levy would raise 40 million crowns."),
    // Judgement verbs.
    yes("Mayor Teodor Brandt condemned the attack on the clinic.", Some("Mayor Teodor Brandt")),
    yes("Opposition leader Ana Velasco praised the rescue crews.", Some("Opposition leader Ana Velasco")),
    no("The clinic was praised in a report published on Monday."),
    // Stance adjectives and nouns, judgement frames.
    yes("The central bank is concerned about the pace of lending.", Some("The central bank")),
    yes("The fear is that the river will breach the levee again.", None),
    yes("It would be a mistake to close the border crossing now.", None),
    no("The mistake in the ballot papers was corrected by noon."),
    no("The water at the reservoir was clear on Sunday."),
    // Evaluative words and comment adverbs.
    yes("The handling of the flood warnings was a disgrace.", None),
    yes("Unfortunately, the council has chosen the cheapest contractor.", None),
    yes("The new stadium is clearly a waste of public money.", None),
    yes("The rebate is a welcome relief for pensioners.", None),
    no("The runway markings were clearly visible from the tower."),
    no("Welcome to Port Ellison, the sign at the harbour reads."),
    no("The region was declared a natural disaster area."),
    no("Disaster relief teams reached Marlow on Thursday."),
    // First-person phrases in quotations: the holder is the speaker.
    yes("“I think the fare rise is a mistake,” said Lena Fischer, a transport economist.", Some("Lena Fischer")),
    yes("“In my view, the ceasefire will not hold,” said General Omar Haddad.", Some("General Omar Haddad")),
    yes("“Frankly, the airport is too small,” said Councillor Ruth Alder.", Some("Councillor Ruth Alder")),
    no("“We will meet again on Monday,” said Councillor Ruth Alder."),
    // Modal judgement in the writer's voice and in reported speech.
    yes("The state must act before the next flood season.", None),
    no("Officials said the state must act before the next flood season."),
    // Claim or opinion: the verb decides.
    no("The agency said the bridge had been closed for repairs."),
    no("Critics said the plan was reckless."),
    no("The association said members were worried about the fees."),
    yes("Critics fear the plan is reckless.", Some("Critics")),
    // Plain reports.
    no("The ferry left Corvale at 6 a.m. with 212 passengers on board."),
    no("Prices rose 3.1 percent in March, the statistics office said."),
    no("The court will hear the case on June 4."),
    no("Police arrested two men after the match, a spokesman said."),
    no("The budget includes 12 million crowns for school repairs."),
    no("Most of the residents returned home on Saturday."),
    no("The minister welcomed the delegation at the airport in Corvale."),
    yes("The fare is cheap, but the service on the night ferry is dreadful.", None),
    yes("The shipping firm thinks it can double its fleet, its chief executive said.", Some("The shipping firm")),
    yes("The union is furious about the new rota.", Some("The union")),
    no("Investigators hope to publish their findings in June."),
    no("Why did the bridge fail, the inquiry asked on Monday?"),
    // The writer's predicates, "should", scare quotes and passive naming, with near misses.
    yes("The reason for the delay at the locks is simple.", None),
    no("The new lock gate is a simple steel door."),
    yes("A harbour authority should at least publish its tide tables.", None),
    no("If the storm should turn north, the ferry will stay in port."),
    yes("Is the new toll really the “remedy” the port was promised?", None),
    no("The port's “blue-flag” status was renewed on Monday."),
    yes("The new bypass was called a disaster by residents of Lower Brenn.", Some("residents of Lower Brenn")),
    no("The bypass was opened by the transport minister on Friday."),
];
