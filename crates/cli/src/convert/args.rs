//! The options of `newsmark convert`.
//!
//! Owns: what the command line may say and what each option means. Must never: touch a file
//! (a missing INPUT is bad input, found when it is read, not a usage error).

use newsmark_formats::Format;

use crate::Failure;

#[derive(Debug, PartialEq)]
pub struct Options {
    /// `None`: detect each file's format.
    pub from: Option<Format>,
    pub to: Format,
    /// `(theirs, ours)` label names, in the order given.
    pub maps: Vec<(String, String)>,
    pub inputs: Vec<String>,
    pub output: String,
}

pub fn parse(args: &[String]) -> Result<Options, Failure> {
    let usage = |why: String| Failure::Usage(why);
    let (mut from, mut to, mut output) = (None, None, None);
    let (mut maps, mut inputs) = (Vec::new(), Vec::new());
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            inputs.extend(rest.by_ref().cloned());
            break;
        }
        if arg == "-" || !arg.starts_with('-') {
            inputs.push(arg.clone());
            continue;
        }
        // `--from brat` and `--from=brat` alike.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || match inline.clone().or_else(|| rest.next().cloned()) {
            Some(v) => Ok(v),
            None => Err(usage(format!("{name} needs a value"))),
        };
        match name {
            "--from" => set(&mut from, "--from", value()?)?,
            "--to" => set(&mut to, "--to", value()?)?,
            "-o" | "--output" => set(&mut output, "-o", value()?)?,
            "--map" => maps.push(map(&value()?)?),
            _ => return Err(usage(format!("unknown option “{arg}”"))),
        }
    }
    let from = match from.as_deref() {
        None | Some("auto") => None,
        Some(name) => match format(name, "--from")? {
            f if !f.can_read() => return Err(usage(format!("{} files are written, not read; --from takes another format", f.name()))),
            f => Some(f),
        },
    };
    let to = format(&to.ok_or_else(|| usage("--to FORMAT is missing".into()))?, "--to")?;
    let output = output.ok_or_else(|| usage("-o OUT is missing: a folder, or a file name ending in .zip".into()))?;
    if inputs.is_empty() {
        return Err(usage("no INPUT given".into()));
    }
    Ok(Options { from, to, maps, inputs, output })
}

fn set(slot: &mut Option<String>, name: &str, value: String) -> Result<(), Failure> {
    if slot.replace(value).is_some() {
        return Err(Failure::Usage(format!("{name} is given twice")));
    }
    Ok(())
}

fn format(name: &str, option: &str) -> Result<Format, Failure> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        Failure::Usage(format!("{option}: no format “{name}”; the formats are {}", names.join(", ")))
    })
}

fn map(value: &str) -> Result<(String, String), Failure> {
    let bad = |why: &str| Failure::Usage(format!("--map {value}: {why}; write --map THEIRS=OURS, e.g. --map Content=quote"));
    let (theirs, ours) = value.split_once('=').ok_or_else(|| bad("there is no “=”"))?;
    if theirs.trim().is_empty() || ours.trim().is_empty() {
        return Err(bad("a label name is empty"));
    }
    if ours.chars().any(char::is_control) || ours.trim().chars().count() > newsmark_core::label::MAX_LABEL_NAME {
        return Err(bad("our label's name must be one line of at most 40 characters"));
    }
    Ok((theirs.to_string(), ours.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn usage_error(s: &str) -> String {
        match parse(&args(s)) {
            Err(Failure::Usage(why)) => why,
            _ => panic!("{s} should be a usage error"),
        }
    }

    #[test]
    fn options_in_either_spelling() {
        let o = parse(&args("--from=brat a b --to newsmark --map Content=quote -o out.zip --map=Source=speaker -- -c"))
            .unwrap_or_else(|_| panic!());
        assert_eq!(o.from, Some(Format::Brat));
        assert_eq!(o.to, Format::Newsmark);
        assert_eq!(o.inputs, ["a", "b", "-c"]);
        assert_eq!(o.output, "out.zip");
        assert_eq!(o.maps, [("Content".into(), "quote".into()), ("Source".into(), "speaker".into())]);
        assert_eq!(parse(&args("--to spacy x -o y")).unwrap_or_else(|_| panic!()).from, None);
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(usage_error("--to spacy -o out").contains("no INPUT"));
        assert!(usage_error("x -o out").contains("--to FORMAT is missing"));
        assert!(usage_error("--to spacy x").contains("-o OUT is missing"));
        assert!(usage_error("--to excel x -o y").contains("no format “excel”"));
        assert!(usage_error("--from conll --to brat x -o y").contains("written, not read"));
        assert!(usage_error("--to brat --to spacy x -o y").contains("given twice"));
        assert!(usage_error("--to brat x -o y --map Content").contains("no “=”"));
        assert!(usage_error("--to brat x -o y --map =quote").contains("empty"));
        assert!(usage_error("--to brat x -o y --verbose").contains("unknown option “--verbose”"));
        assert!(usage_error("--to brat x --map").contains("--map needs a value"));
    }
}
