use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{from_bytes, to_bytes};
use crate::workers::analysis::{self, Batch, Found, Job};
use crate::workers::formats::{Answer, Articles, Imported, Request, Written};
use crate::workers::service::{Call, Reply};

fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(value: T) {
    let bytes = to_bytes(&value).unwrap();
    assert_eq!(from_bytes::<T>(&bytes).unwrap(), value);
}

#[wasm_bindgen_test]
fn a_reply_is_laid_out_as_the_page_reads_its_head() {
    // `effects::worker_client` reads the call's number, the answer's tag and the last flag
    // straight from these bytes, and tests/workers.rs's stand-in worker writes them by hand.
    let reply = Reply { id: 0x0102_0304_0506_0708, answer: Ok::<_, String>("hé".to_string()), last: true };
    let bytes = to_bytes(&reply).unwrap();
    let mut expected = vec![8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0];
    expected.extend_from_slice("hé".as_bytes());
    expected.push(1);
    assert_eq!(bytes, expected);
    let failed = Reply { id: 2, answer: Err::<String, _>(String::new()), last: false };
    assert_eq!(to_bytes(&failed).unwrap(), [2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
}

#[wasm_bindgen_test]
fn every_message_comes_back_as_it_went() {
    round_trip(Call { id: 7, request: Job::Suggest { text: "“Quoted,” she said.\r\n😀".into() } });
    let found = Found {
        label: "quote".into(),
        start: 3,
        end: u64::MAX,
        attributes: vec![("speaker".into(), "she".into())],
        confidence: 850,
        reason: "a reason".into(),
    };
    round_trip(Reply { id: 1, answer: Ok(analysis::Answer::Batch(Batch { batch: 2, found: vec![found.clone(), found] })), last: false });
    round_trip(Reply { id: 1, answer: Err::<analysis::Answer, _>("the analysis stopped".into()), last: true });
    let sample = newsmark_core::sample::article(newsmark_core::ArticleId::new("a1"));
    let spans = sample.spans.iter().map(analysis::SpanPart::of).collect();
    let relations = vec![analysis::RelationPart { from: "s1".into(), to: "s2".into(), kind: "speaker".into() }];
    round_trip(Call { id: 8, request: Job::Summarize { text: sample.text.as_str().into(), spans, relations } });
    let summary =
        newsmark_analysis::summary::summarize(&newsmark_core::sample::article(newsmark_core::ArticleId::new("a1")), &str::to_lowercase);
    let sent = newsmark_analysis::summary::Summary { counts: Vec::new(), ..summary };
    assert!(!sent.speakers.is_empty() && !sent.opinion_density.is_empty() && !sent.documents.is_empty());
    round_trip(Reply { id: 9, answer: Ok(analysis::Answer::Summary(sent)), last: true });
    let articles = Articles { labels: "[]".into(), document: "{}".into() };
    round_trip(Call { id: 2, request: Request::Read { files: vec![("a.zip".into(), vec![0, 255, 7])], source: "a.zip".into() } });
    round_trip(Call { id: 3, request: Request::Write { format: "brat".into(), articles: articles.clone(), exported_at: "now".into() } });
    round_trip(Call { id: 4, request: Request::Workspace { articles: articles.clone(), exported_at: String::new() } });
    let imported = Imported { articles, ids: vec![Some("x".into()), None], warnings: vec!["w".into()] };
    round_trip(Reply { id: 5, answer: Ok(Answer::Read(Ok(imported))), last: true });
    round_trip(Reply { id: 6, answer: Ok(Answer::Written(Ok(Written::Files(vec![("a.ann".into(), "T1".into())])))), last: true });
    round_trip(Reply { id: 6, answer: Ok(Answer::Written(Ok(Written::Zip(vec![1, 2, 3])))), last: true });
    round_trip(Reply { id: 6, answer: Ok(Answer::Written(Err("refused".into()))), last: true });
    round_trip(Answer::Failed("gone".into()));
}

#[wasm_bindgen_test]
fn other_serde_shapes_come_back_too() {
    round_trip((true, false, 'é', '😀', 'a', -5i8, -300i16, -70_000i32, i64::MIN, 1.5f32, -0.25f64, ()));
    round_trip(BTreeMap::from([(1u16, "one".to_string()), (2, "two".to_string())]));
    round_trip(Some(Some(3u32)));
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Unit,
        Tuple(u8, String),
        Struct { x: i32 },
    }
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Wrapper(Vec<Shape>);
    round_trip(Wrapper(vec![Shape::Unit, Shape::Tuple(1, "t".into()), Shape::Struct { x: -1 }]));
}

#[wasm_bindgen_test]
fn a_damaged_message_is_an_error_not_a_panic() {
    let bytes = to_bytes(&Reply { id: 1, answer: Ok::<String, String>("text".into()), last: true }).unwrap();
    for cut in 0..bytes.len() {
        assert!(from_bytes::<Reply<String>>(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut tag = bytes.clone();
    tag[8] = 2;
    assert!(from_bytes::<Reply<String>>(&tag).is_err(), "no third variant");
    let mut flag = bytes.clone();
    *flag.last_mut().unwrap() = 2;
    assert!(from_bytes::<Reply<String>>(&flag).is_err(), "a bool is 0 or 1");
    let mut long = bytes.clone();
    long[12] = 200;
    assert!(from_bytes::<Reply<String>>(&long).is_err(), "a length past the end");
    assert!(from_bytes::<String>(&[1, 0, 0, 0, 0, 0, 0, 0, 0xFF]).is_err(), "not UTF-8");
    assert!(from_bytes::<Option<u8>>(&[2, 0]).is_err(), "an option's tag is 0 or 1");
    assert!(from_bytes::<char>(&[0x80]).is_err(), "not the start of a character");
}
