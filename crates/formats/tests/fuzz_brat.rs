//! Random and damaged input for the brat reader: none may panic, and what it accepts keeps the
//! batch's promises and writes back to the same spans.

#[path = "fixtures/brat_support.rs"]
mod brat_support;

use brat_support::*;
use newsmark_core::format::ImportBatch;
use newsmark_core::LabelSet;
use newsmark_formats::brat;
use proptest::prelude::*;

/// Checks what every successful read must hold, then that writing and reading again keeps every
/// span that has no line break inside it.
fn check_read(batch: &ImportBatch) {
    for doc in &batch.documents {
        let len = doc.text.len();
        for s in &doc.spans {
            assert!(s.start < s.end && s.end <= len, "span inside the text");
            assert!(batch.labels.contains(s.label));
            let mut pieces = s.pieces();
            assert!(pieces.iter().all(|&(a, b)| a < b && b <= len));
            pieces.sort_unstable();
            assert!(pieces.windows(2).all(|w| w[0].1 <= w[1].0), "fragments never share a character");
            assert_eq!((pieces[0].0, pieces.iter().map(|p| p.1).max()), (s.start, Some(s.end)));
            if let Some(f) = &s.fragments {
                assert!(f.len() >= 2);
            }
        }
        for r in &doc.relations {
            assert!(r.from != r.to);
            assert!(doc.spans.iter().any(|s| s.id == r.from) && doc.spans.iter().any(|s| s.id == r.to));
        }
    }
    let arts = articles(batch);
    let out = write(&arts, &batch.labels);
    let again = brat::read(&as_input(&out), &LabelSet::builtin()).expect("what newsmark writes, it reads");
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    for (a, b) in again.documents.iter().zip(&batch.documents) {
        assert_eq!(a.text, b.text);
        for s in &b.spans {
            let has_break = s.pieces().iter().any(|&(x, y)| b.text.slice(x, y).contains(['\n', '\r']));
            // Ids other than T<n> are renumbered by the writer.
            let kept_id = s.id.as_str().strip_prefix('T').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !has_break && kept_id {
                let t = span(a, s.id.as_str());
                assert_eq!((t.start, t.end, t.pieces()), (s.start, s.end, s.pieces()));
                assert_eq!(again.labels.name(t.label), newsmark_formats_brat_name(&batch.labels.name(s.label)));
            }
        }
    }
}

fn newsmark_formats_brat_name(name: &str) -> String {
    name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a".to_string()),
            Just("said".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("😀".to_string()),
            Just("e\u{301}".to_string()),
            Just("“".to_string()),
            Just("\t".to_string()),
            Just("\u{feff}".to_string()),
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

/// Mostly valid `.ann` lines: `T1`… with random offsets and (usually) their true text, then
/// other lines referring to them, now and then a line of the wrong shape.
fn file_strategy() -> impl Strategy<Value = Vec<String>> {
    let offsets =
        proptest::collection::vec((0usize..30, 1usize..8).prop_map(|(a, n)| format!("{a} {}", a + n)), 1..4).prop_map(|v| v.join(";"));
    let ty = prop_oneof![3 => Just("Quote"), 1 => Just("Source"), 1 => Just("my type")];
    // A T line's text column: none, random, or (most often) the true text, filled in later.
    let tail = prop_oneof![
        1 => Just(String::new()),
        1 => text_strategy().prop_map(|t| format!("\t{}", t.replace(['\n', '\r'], " "))),
        6 => Just(format!("\t{TRUE_TEXT}")),
    ];
    let t_lines = proptest::collection::vec((ty.clone(), offsets, tail), 1..6);
    let reference = prop_oneof![4 => (1u32..6).prop_map(|n| format!("T{n}")), 1 => (1u32..3).prop_map(|n| format!("E{n}")), 1 => Just("Z9".to_string())];
    let role = prop_oneof![Just("Arg1"), Just("Arg2"), Just("Content"), Just("Content2")];
    let other = (0u8..9, ty, reference.clone(), proptest::collection::vec((role, reference), 0..4), text_strategy());
    (t_lines, proptest::collection::vec(other, 0..6)).prop_map(|(t_lines, others)| {
        let mut lines: Vec<String> =
            t_lines.iter().enumerate().map(|(i, (ty, offsets, tail))| format!("T{}\t{ty} {offsets}{tail}", i + 1)).collect();
        for (i, (kind, ty, target, args, text)) in others.into_iter().enumerate() {
            let n = i + 1;
            let args: Vec<String> = args.into_iter().map(|(r, t)| format!("{r}:{t}")).collect();
            let text = text.replace(['\n', '\r'], " ");
            lines.push(match kind {
                0 | 1 => format!("E{n}\t{ty}:{target} {}", args.join(" ")),
                2 => format!("R{n}\tRel {}", args.join(" ")),
                3 => format!("A{n}\tNegated {target}"),
                4 => format!("M{n}\tLevel {target} high"),
                5 => format!("#{n}\tAnnotatorNotes {target}\t{text}"),
                6 => format!("N{n}\tReference {target} db:{n}\t{text}"),
                7 => format!("*\tEquiv {target} {}", args.join(" ")),
                _ => text,
            });
        }
        lines
    })
}

const TRUE_TEXT: &str = "@TRUE@";

/// Replaces the placeholder in `T` lines by the text their offsets hold in `txt` (code points,
/// line breaks as spaces), so that generated files often read.
fn fill_texts(lines: &[String], txt: &str) -> Vec<String> {
    let chars: Vec<char> = txt.strip_prefix('\u{feff}').unwrap_or(txt).chars().collect();
    lines
        .iter()
        .map(|line| {
            let Some(head) = line.strip_suffix(&format!("\t{TRUE_TEXT}")) else { return line.clone() };
            let offsets = head.split_once(' ').map_or("", |(_, o)| o);
            let pieces: Option<Vec<String>> = offsets
                .split(';')
                .map(|p| {
                    let (a, b) = p.split_once(' ')?;
                    let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                    (a < b && b <= chars.len()).then(|| chars[a..b].iter().collect::<String>().replace(['\n', '\r'], " "))
                })
                .collect();
            match pieces {
                Some(p) => format!("{head}\t{}", p.join(" ")),
                None => head.to_string(),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(ann in any::<String>(), txt in any::<String>()) {
        if let Ok(batch) = brat::read(&input(&[("a.txt", &txt), ("a.ann", &ann)]), &LabelSet::builtin()) {
            check_read(&batch);
        }
    }

    #[test]
    fn plausible_files_never_panic_and_what_reads_round_trips(
        lines in file_strategy(),
        txt in text_strategy(),
        crlf in any::<bool>(),
    ) {
        let ann = fill_texts(&lines, &txt).join(if crlf { "\r\n" } else { "\n" });
        if let Ok(batch) = brat::read(&input(&[("d/a.txt", &txt), ("a_x.ann", &ann)]), &LabelSet::builtin()) {
            check_read(&batch);
        }
    }

    #[test]
    fn mutated_valid_files_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..7, prop_oneof![Just('\t'), Just('\n'), Just(' '), Just(';'), Just(':'), Just('9'), Just('T'), Just('E'), Just('😀')]), 1..6),
    ) {
        let mut chars: Vec<char> = EVENTS.chars().collect();
        for (at, op, c) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 => chars.insert(i, c),
                1 if i < chars.len() => { chars.remove(i); }
                2 if i < chars.len() => chars[i] = c,
                3 => chars.truncate(i),
                _ => {}
            }
        }
        let ann: String = chars.into_iter().collect();
        if let Ok(batch) = brat::read(&input(&[("d.txt", TEXT), ("d.ann", &ann)]), &LabelSet::builtin()) {
            check_read(&batch);
        }
    }
}
