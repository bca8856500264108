//! Invented wire-style reports, one per demand shape the analysis must read, each with a near
//! miss that must not be suggested. Shared by `tests/demands.rs` (which asserts them exactly)
//! and `examples/evaluate_demands.rs` (which scores them like the corpus). Every name, place and
//! sentence here was written for newsmark.

// Each includer uses only part of this module.
#![allow(dead_code)]

/// One expected demand: the item's text, who demands it (`by`) and of whom (`to`).
pub type Expected = (&'static str, Option<&'static str>, Option<&'static str>);

pub struct Case {
    /// The shape the case stands for, as the issue names it.
    pub shape: &'static str,
    pub text: &'static str,
    /// Every demand the text holds, in text order.
    pub expected: &'static [Expected],
    /// A text of the same shape's words that holds no demand.
    pub near_miss: &'static str,
}

pub const CASES: &[Case] = &[
    Case {
        shape: "X demanded that Y do Z",
        text: "The Karvonian Teachers' Federation demanded on Tuesday that the education ministry reopen 14 rural schools.",
        expected: &[(
            "the education ministry reopen 14 rural schools",
            Some("The Karvonian Teachers' Federation"),
            Some("the education ministry"),
        )],
        near_miss: "The federation said the demands it had earlier put to the ministry were still unanswered.",
    },
    Case {
        shape: "X demanded that A and that B",
        text: "Dockworkers in Port Ellison demanded that the operator restore night pay and that it hire 60 permanent crane drivers.",
        expected: &[
            ("the operator restore night pay", Some("Dockworkers in Port Ellison"), None),
            ("it hire 60 permanent crane drivers", Some("Dockworkers in Port Ellison"), None),
        ],
        near_miss: "Crane drivers are in high demand at every port on the coast, the operator said.",
    },
    Case {
        shape: "X urged that Y should do Z (Y the addressee)",
        text: "The Velmar Farmers' League urged that the water board should lift the hosepipe ban by June.",
        expected: &[(
            "the water board should lift the hosepipe ban by June",
            Some("The Velmar Farmers' League"),
            Some("the water board"),
        )],
        near_miss: "The league said the ban should be lifted once the reservoirs are full.",
    },
    Case {
        shape: "X called for",
        text: "Opposition leader Mira Castell called for an independent inquiry into the bridge contract.",
        expected: &[("an independent inquiry into the bridge contract", Some("Opposition leader Mira Castell"), None)],
        near_miss: "A spokesman for the contractor did not respond to a request for comment.",
    },
    Case {
        shape: "X called on Y to",
        text: "The Hallam Chamber of Commerce called on the regional government to cut energy levies for small firms.",
        expected: &[("cut energy levies for small firms", Some("The Hallam Chamber of Commerce"), Some("the regional government"))],
        near_miss: "The envoy called on the president at his residence on Friday.",
    },
    Case {
        shape: "X urged Y to",
        text: "Health Minister Tomas Redl urged parents to vaccinate their children before the winter term.",
        expected: &[("vaccinate their children before the winter term", Some("Health Minister Tomas Redl"), Some("parents"))],
        near_miss: "Nurses described a demanding schedule of double shifts at the clinic.",
    },
    Case {
        shape: "X pressed for",
        text: "Farm groups pressed for a delay to the new water charges.",
        expected: &[("a delay to the new water charges", Some("Farm groups"), None)],
        near_miss: "Pressed for details, the spokeswoman said the charges were under review.",
    },
    Case {
        shape: "X insisted on",
        text: "The Corven Transport Union insisted on a written guarantee of the jobs.",
        expected: &[("a written guarantee of the jobs", Some("The Corven Transport Union"), None)],
        near_miss: "The union insisted that the strike had been peaceful.",
    },
    Case {
        shape: "X asked Y to",
        text: "The prosecutors asked the court to freeze the assets of the shipping firm.",
        expected: &[("freeze the assets of the shipping firm", Some("The prosecutors"), Some("the court"))],
        near_miss: "Asked for comment, the shipping firm said it had done nothing wrong.",
    },
    Case {
        shape: "X's demands include A, B and C",
        text: "The strikers' demands include a 12 percent raise, a shorter working week and the return of two dismissed drivers.",
        expected: &[
            ("a 12 percent raise", Some("The strikers"), None),
            ("a shorter working week", Some("The strikers"), None),
            ("the return of two dismissed drivers", Some("The strikers"), None),
        ],
        near_miss: "Demand for rental flats in the capital rose by a fifth last year.",
    },
    Case {
        shape: "demands, with a hedge, past tense",
        text: "The kidnappers' demands reportedly included a ransom of two million dollars and safe passage to the border.",
        expected: &[
            ("a ransom of two million dollars", Some("The kidnappers"), None),
            ("safe passage to the border", Some("The kidnappers"), None),
        ],
        near_miss: "Films from the festival will be available on demand from next week.",
    },
    Case {
        shape: "demands such as",
        text: "The Selvan Students' Union has made several demands, such as free bus passes and longer library hours.",
        expected: &[
            ("free bus passes", Some("The Selvan Students' Union"), None),
            ("longer library hours", Some("The Selvan Students' Union"), None),
        ],
        near_miss: "Rising demand for diesel, such as from haulage firms, pushed prices up.",
    },
    Case {
        shape: "list after a colon",
        text: "The growers set out their conditions: a fixed grain price, cheaper diesel and relief on farm debt.",
        expected: &[
            ("a fixed grain price", Some("The growers"), None),
            ("cheaper diesel", Some("The growers"), None),
            ("relief on farm debt", Some("The growers"), None),
        ],
        near_miss: "Road conditions remained poor across the northern valleys on Monday.",
    },
    Case {
        shape: "bulleted lines after a colon",
        text: "The nurses' union presented these demands:\n- a 9 percent pay rise;\n- safe staffing on every ward;\n- an end to unpaid overtime.\nThe hospital board will reply next week.",
        expected: &[
            ("a 9 percent pay rise", Some("The nurses' union"), None),
            ("safe staffing on every ward", Some("The nurses' union"), None),
            ("an end to unpaid overtime", Some("The nurses' union"), None),
        ],
        near_miss: "The hospital board listed its figures:\n- 40 wards\n- 3 clinics\nThe union did not comment.",
    },
    Case {
        shape: "numbered lines after a colon",
        text: "The residents' association made two demands of the mayor:\n1. a crossing outside the school\n2. a ban on lorries at night",
        expected: &[
            ("a crossing outside the school", Some("The residents' association"), Some("the mayor")),
            ("a ban on lorries at night", Some("The residents' association"), Some("the mayor")),
        ],
        near_miss: "The association counted the votes:\n1. yes, 212\n2. no, 48",
    },
    Case {
        shape: "terms",
        text: "The creditors' terms are a budget surplus of 3 percent and the sale of the state airline.",
        expected: &[
            ("a budget surplus of 3 percent", Some("The creditors"), None),
            ("the sale of the state airline", Some("The creditors"), None),
        ],
        near_miss: "The finance minister has served two terms and, in terms of experience, has no rival.",
    },
    Case {
        shape: "ultimatum",
        text: "The army issued an ultimatum to the militia to leave the city by Friday.",
        expected: &[("leave the city by Friday", Some("The army"), Some("the militia"))],
        near_miss: "The ultimatum expired at midnight without a shot being fired.",
    },
    Case {
        shape: "the ministry's conditions",
        text: "The ministry's conditions include a public tender and an audit of the accounts.",
        expected: &[("a public tender", Some("The ministry"), None), ("an audit of the accounts", Some("The ministry"), None)],
        near_miss: "The ministry said conditions in the camps had improved.",
    },
    Case {
        shape: "a pronoun carried to the last named actor",
        text: "The Hallam Workers' Union held a rally outside the plant on Sunday. It demanded that the owners rehire 200 staff.",
        expected: &[("the owners rehire 200 staff", Some("The Hallam Workers' Union"), None)],
        near_miss: "It was a demanding week for the plant's owners.",
    },
    Case {
        shape: "he carried to the last named person",
        text: "Senator Ilse Brandt visited the flooded district. She urged the government to release emergency funds.",
        expected: &[("release emergency funds", Some("Senator Ilse Brandt"), Some("the government"))],
        near_miss: "She was asked about the floods and said the district would recover.",
    },
    Case {
        shape: "a second, coordinated verb",
        text: "Mayor Dario Fenn praised the rescue crews and called for a review of the flood defences.",
        expected: &[("a review of the flood defences", Some("Mayor Dario Fenn"), None)],
        near_miss: "The match was called off and the fans were sent home.",
    },
    Case {
        shape: "a participle after a comma",
        text: "Residents of Lower Brisk marched to the town hall on Saturday, demanding the reopening of the maternity ward.",
        expected: &[("the reopening of the maternity ward", Some("Residents of Lower Brisk"), None)],
        near_miss: "China's demand for copper, which rose sharply last year, lifted prices.",
    },
    Case {
        shape: "urged, exhorted with an adverb",
        text: "The governor repeatedly urged lawmakers to pass the budget before the recess.",
        expected: &[("pass the budget before the recess", Some("The governor"), Some("lawmakers"))],
        near_miss: "The so-called reform was pressed into service after the election.",
    },
    Case {
        shape: "X's call for",
        text: "The bishop's call for a ceasefire was echoed by aid groups.",
        expected: &[("a ceasefire", Some("The bishop"), None)],
        near_miss: "Calls to the emergency line doubled during the storm.",
    },
    Case {
        shape: "asked Y not to",
        text: "Police asked drivers not to use the coast road until Monday.",
        expected: &[("not to use the coast road until Monday", Some("Police"), Some("drivers"))],
        near_miss: "Police asked drivers whether they had seen the lorry.",
    },
    Case {
        shape: "quoted demand",
        text: "\u{201c}We want the money back,\u{201d} said Ana Brest, whose group demanded full refunds for the cancelled flights.",
        expected: &[("full refunds for the cancelled flights", Some("Ana Brest's group"), None)],
        near_miss: "The airline said the flights were cancelled at the request of the airport.",
    },
    Case {
        shape: "a colon a few words after the noun",
        text: "The Tarnow rebels have set three conditions for talks: a ceasefire, the release of prisoners and foreign monitors.",
        expected: &[
            ("a ceasefire", Some("The Tarnow rebels"), None),
            ("the release of prisoners", Some("The Tarnow rebels"), None),
            ("foreign monitors", Some("The Tarnow rebels"), None),
        ],
        near_miss: "The conditions were poor: high winds and fog.",
    },
    Case {
        shape: "a list that a clause ends",
        text: "Supporters of Harlow Town have long demanded a new stadium, and the council has promised one by 2031.",
        expected: &[("a new stadium", Some("Supporters of Harlow Town"), None)],
        near_miss: "Teachers in Marlow walked out on Monday. They said the talks had failed.",
    },
    Case {
        shape: "X's main demand is",
        text: "The protesters' main demand is the resignation of the interior minister.",
        expected: &[("the resignation of the interior minister", Some("The protesters"), None)],
        near_miss: "Demand is strong for flats near the new rail line.",
    },
    Case {
        shape: "requested that",
        text: "Lawyers for the Orsk family requested that the hearing be held in public.",
        expected: &[("the hearing be held in public", Some("Lawyers for the Orsk family"), None)],
        near_miss: "A police officer, who requested anonymity, said the hearing was postponed.",
    },
    Case {
        shape: "the demand that … (the noun as subject)",
        text: "The opposition's demand that the election be postponed was rejected by the commission.",
        expected: &[("the election be postponed", Some("The opposition"), None)],
        near_miss: "The commission said the demand had been met.",
    },
    Case {
        shape: "demanded … in a resolution",
        text: "The regional assembly demanded an immediate halt to the evictions in a resolution adopted on Tuesday.",
        expected: &[("an immediate halt to the evictions", Some("The regional assembly"), None)],
        near_miss: "The assembly adopted a resolution on the evictions on Tuesday.",
    },
];
