use newsmark_analysis::{claims, demands, doc::Doc, opinions, quotes};
fn main() {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).unwrap();
    let doc = Doc::new(&text);
    let qs = quotes::find(&doc);
    let chars: Vec<char> = text.chars().collect();
    let show = |s: &newsmark_core::Suggestion| chars[s.start..s.end].iter().collect::<String>();
    for q in &qs { println!("QUOTE {:?} speaker={:?}", show(&q.suggestion), q.speaker); }
    for s in claims::find(&doc, &qs) { println!("CLAIM {:?} src={:?} [{}] {}", show(&s), s.attributes.source, s.provenance.reason, s.provenance.confidence.permille()); }
    for s in demands::find(&doc, &qs) { println!("DEMAND {:?} by={:?} to={:?} [{}]", show(&s), s.attributes.by, s.attributes.to, s.provenance.reason); }
    for s in opinions::find(&doc, &qs) { println!("OPINION {:?} holder={:?} [{}]", show(&s), s.attributes.holder, s.provenance.reason); }
}
