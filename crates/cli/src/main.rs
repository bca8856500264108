//! `newsmark`: the app's analysis and its file formats on the command line, for corpora.
//!
//! - `newsmark suggest FILE...` writes the analysis's suggestions as labelled JSON (`suggest.rs`).
//! - `newsmark convert ... INPUT... -o OUT` converts annotated documents between formats
//!   (`convert.rs`).
//!
//! Owns: the command names, the usage text and the exit statuses: 0 done, 1 bad input (the
//! message names the file and, where it can, the line and field; nothing is written), 2 a usage
//! error (with the usage text). Must never: write partial output after an error.

mod clock;
mod convert;
mod suggest;

use std::process::ExitCode;

pub const USAGE: &str = "\
usage: newsmark suggest FILE...
       newsmark convert [--from FORMAT] --to FORMAT [--map THEIRS=OURS]... INPUT... -o OUT

suggest  Reads each FILE as a UTF-8 plain-text article and writes newsmark labelled JSON to
         standard output: one document per file, titled with the file name, whose spans are
         suggested quotes, claims, demands and opinions (origin \"suggested\", with attributes,
         confidence and reason).

convert  Reads annotated documents and writes them in another format.
         INPUT          a file, a folder (read with its subfolders) or a .zip; give as many as needed
         --from FORMAT  the inputs' format, or auto (the default): each file's format is detected
         --to FORMAT    the format to write
         -o OUT         a folder (created if missing) or a file name ending in .zip
         --map A=B      read the inputs' label A as label B (repeatable); labels not mapped keep
                        their names, as custom labels where newsmark has no label of that name
         Formats: newsmark (labelled JSON), brat, doccano, labelstudio, w3c, spacy, conll
         (conll is written only).

Offsets are Unicode code points, end exclusive, except where a format counts otherwise
(doccano: UTF-16 code units). Exit status: 0 done, 1 bad input (nothing is written), 2 usage error.";

/// Why a command stopped.
pub enum Failure {
    /// The command line itself is wrong: exit 2 with the usage text.
    Usage(String),
    /// An input cannot be read, or the output cannot be written: exit 1.
    Input(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((cmd, files)) if cmd == "suggest" && !files.is_empty() => suggest::run(files),
        Some((cmd, rest)) if cmd == "convert" => convert::run(rest),
        Some((cmd, _)) if cmd == "-h" || cmd == "--help" || cmd == "help" => {
            println!("{USAGE}");
            Ok(())
        }
        Some((cmd, _)) if cmd == "suggest" => Err(Failure::Usage("suggest needs at least one FILE".into())),
        Some((cmd, _)) => Err(Failure::Usage(format!("unknown command “{cmd}”"))),
        None => Err(Failure::Usage("no command given".into())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(why)) => {
            eprintln!("newsmark: {why}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(why)) => {
            eprintln!("newsmark: {why}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
