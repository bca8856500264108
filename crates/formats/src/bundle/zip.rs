//! Zip archives in memory: writing a set of output files, and opening a zip a person hands in.
//!
//! Owns: the archive layout newsmark writes (DEFLATE where it helps, stored otherwise, UTF-8
//! names, one date for every entry) and what an opened zip may hold: text files only, no path
//! that climbs out of the archive, at most [`MAX_UNZIPPED_BYTES`] in all. Must never: inflate an
//! entry past the size still allowed (a zip bomb stops at the limit, not after it), return part
//! of an archive, or touch the file system.

use std::collections::HashSet;
use std::io::Write;

use newsmark_core::encoding::decode_text;
use rawzip::{CompressionMethod, DataDescriptorOutput, ZipArchive, ZipArchiveWriter, ZipVerification};

use crate::{FormatError, InputFile, OutputFile};

/// The most an opened zip may unpack to, all entries together. Larger than any real corpus of
/// news articles a person annotates in a browser, and small enough to never exhaust its memory.
pub const MAX_UNZIPPED_BYTES: u64 = 200 * 1024 * 1024;

/// The date every entry gets from [`write_zip`]: the first a zip can record (zip dates start in
/// 1980). A fixed date makes the same files always give the same bytes.
const ZIP_EPOCH: (u16, u8, u8, u8, u8, u8) = (1980, 1, 1, 0, 0, 0);

/// A zip holding `files`, each under its name (`brat/a1.ann` makes a folder), dated 1980-01-01.
pub fn write_zip(files: &[OutputFile]) -> Vec<u8> {
    build(files, ZIP_EPOCH)
}

/// A zip holding `files`, every entry dated `exported_at` (RFC 3339 in UTC, as exports record
/// it), so unpacked files show when they were exported. An unreadable date gives 1980-01-01.
pub fn write_zip_at(files: &[OutputFile], exported_at: &str) -> Vec<u8> {
    build(files, parse_rfc3339(exported_at).unwrap_or(ZIP_EPOCH))
}

fn build(files: &[OutputFile], (y, mo, d, h, mi, s): (u16, u8, u8, u8, u8, u8)) -> Vec<u8> {
    // Writing into a Vec cannot fail, names are cut to a length every zip can hold, and the date
    // was checked (or is the epoch), so rawzip has nothing to refuse. The message is a constant:
    // formatting rawzip's error would add its Debug code to the app for a case that cannot occur.
    build_with(files, (y, mo, d, h, mi, s)).unwrap_or_else(|| unreachable!("rawzip refused a valid entry"))
}

fn build_with(files: &[OutputFile], (y, mo, d, h, mi, s): (u16, u8, u8, u8, u8, u8)) -> Option<Vec<u8>> {
    let when = rawzip::time::UtcDateTime::from_components(y, mo, d, h, mi, s, 0)?;
    let mut out = Vec::new();
    let mut archive = ZipArchiveWriter::new(&mut out);
    for file in files {
        let data = file.text.as_bytes();
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        // Short or incompressible files are stored: deflating them would only add bytes.
        let (method, body) =
            if deflated.len() < data.len() { (CompressionMethod::DEFLATE, deflated.as_slice()) } else { (CompressionMethod::STORE, data) };
        let name = entry_name(&file.name);
        let (mut entry, _) =
            archive.new_file(name.as_str()).compression_method(method).last_modified(when).unix_permissions(0o644).start().ok()?;
        entry.write_all(body).ok()?;
        entry.finish(DataDescriptorOutput::new(crc32(data), data.len() as u64)).ok()?;
    }
    archive.finish().ok()?;
    Some(out)
}

/// CRC-32 (IEEE), as zips record it, a byte at a time from a 1 KB table. rawzip's own is faster
/// but brings a 16 KB table into the app's download; newsmark's zips are small enough not to care.
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut crc = i as u32;
            let mut bit = 0;
            while bit < 8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
                bit += 1;
            }
            table[i] = crc;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |crc, &b| (crc >> 8) ^ TABLE[((crc ^ u32::from(b)) & 0xFF) as usize])
}

/// `name` as an entry name: forward slashes, and at most 255 bytes (cut on a character
/// boundary, keeping the extension), since some unzip programs refuse longer names.
fn entry_name(name: &str) -> String {
    let name = name.replace('\\', "/");
    if name.len() <= 255 {
        return name;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e).filter(|e| e.len() <= 16 && !e.contains('/')).unwrap_or("");
    let keep = 255 - ext.len() - usize::from(!ext.is_empty());
    let mut cut = keep;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    if ext.is_empty() {
        name[..cut].to_string()
    } else {
        format!("{}.{ext}", &name[..cut])
    }
}

/// "YYYY-MM-DDTHH:MM:SS…" as zip date parts, if it is a date a zip can hold.
fn parse_rfc3339(s: &str) -> Option<(u16, u8, u8, u8, u8, u8)> {
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u16>().ok();
    let (y, mo, d, h, mi, sec) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    // DOS dates run from 1980 to 2107; seconds are stored in steps of two, which rawzip handles.
    if !(1980..=2107).contains(&y) {
        return None;
    }
    let fits = |v: u16, max: u16| u8::try_from(v).ok().filter(|_| v <= max);
    let parts = (y, fits(mo, 12)?, fits(d, 31)?, fits(h, 23)?, fits(mi, 59)?, fits(sec, 59)?);
    rawzip::time::UtcDateTime::from_components(parts.0, parts.1, parts.2, parts.3, parts.4, parts.5, 0).map(|_| parts)
}

/// Entries that operating systems and archivers add beside a person's files: macOS resource
/// forks (`__MACOSX/`, `._name`), Finder and Explorer metadata, and hidden files generally.
/// Folder walks skip the same files, so a folder and its zip read alike.
pub fn is_junk(path: &str) -> bool {
    let path = path.replace('\\', "/");
    path.split('/').any(|part| part == "__MACOSX")
        || path
            .rsplit('/')
            .next()
            .is_some_and(|base| base.starts_with('.') || base.eq_ignore_ascii_case("Thumbs.db") || base.eq_ignore_ascii_case("desktop.ini"))
}

// rawzip's own wording (signatures, offsets) would not help a person fix a zip, and leaving it
// out keeps its formatting code out of the app.
const DAMAGED: &str = "the entry is damaged (its data does not match what the zip records for it)";

/// Reads every file in the zip `bytes` as text (UTF-8, or UTF-16 with a byte-order mark; the mark
/// dropped, as for any opened file), named `NAME/path/in/zip` so messages say where each came from. Folders and
/// junk ([`is_junk`]) are skipped. Refuses, naming the entry: names with `..` or an absolute
/// path, encrypted entries, compression other than stored or DEFLATE, damaged data, bytes that
/// are not such text, the same name twice, and more than [`MAX_UNZIPPED_BYTES`] in all.
pub fn read_zip(name: &str, bytes: &[u8]) -> Result<Vec<InputFile>, FormatError> {
    read_zip_limited(name, bytes, MAX_UNZIPPED_BYTES)
}

/// [`read_zip`] with a chosen limit, so tests can show the limit at work without 200 MB.
pub(crate) fn read_zip_limited(name: &str, bytes: &[u8], limit: u64) -> Result<Vec<InputFile>, FormatError> {
    let whole = |problem: String| FormatError::new(name, None, None, problem);
    let archive = ZipArchive::from_slice(bytes).map_err(|_| whole("not a zip archive newsmark can read".into()))?;
    let mut left = limit;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for entry in archive.entries() {
        let entry = entry.map_err(|_| whole("the zip's list of files is damaged".into()))?;
        let raw = entry.file_path();
        let Ok(path) = std::str::from_utf8(raw.as_bytes()) else {
            let shown = String::from_utf8_lossy(raw.as_bytes()).into_owned();
            return Err(whole(format!("the entry name “{shown}” is not UTF-8; re-create the zip with a current zip program")));
        };
        let path = path.replace('\\', "/");
        if entry.is_dir() || path.ends_with('/') || is_junk(&path) {
            continue;
        }
        let here = format!("{name}/{path}");
        let refuse = |problem: String| FormatError::new(&here, None, None, problem);
        if let Some(why) = unsafe_path(&path) {
            return Err(refuse(why.to_string()));
        }
        if !seen.insert(path.clone()) {
            return Err(refuse("the zip holds two entries of this name".into()));
        }
        if entry.flags().is_encrypted() {
            return Err(refuse("the entry is encrypted; newsmark reads only unencrypted zips".into()));
        }
        let too_big = || refuse(format!("the zip unpacks to more than {} MB in all; newsmark reads at most that", limit / (1024 * 1024)));
        if entry.uncompressed_size_hint() > left {
            return Err(too_big());
        }
        let local = archive.get_entry(entry.wayfinder()).map_err(|_| refuse(DAMAGED.into()))?;
        let cap = usize::try_from(left).unwrap_or(usize::MAX);
        let content = match entry.compression_method() {
            CompressionMethod::STORE if local.data().len() > cap => return Err(too_big()),
            CompressionMethod::STORE => local.data().to_vec(),
            CompressionMethod::DEFLATE => {
                miniz_oxide::inflate::decompress_to_vec_with_limit(local.data(), cap).map_err(|e| match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => too_big(),
                    _ => refuse(DAMAGED.into()),
                })?
            }
            other => {
                let method = other.name().map_or_else(|| format!("method {}", other.as_u16()), str::to_string);
                return Err(refuse(format!(
                    "the entry is compressed with {method}; newsmark reads stored and DEFLATE entries (what zip programs write by default)"
                )));
            }
        };
        let actual = ZipVerification { crc: crc32(&content), uncompressed_size: content.len() as u64 };
        local.claim_verifier().valid(actual).map_err(|_| refuse(DAMAGED.into()))?;
        left -= content.len() as u64;
        let text = text_of(&here, content)?;
        out.push(InputFile::new(here, text));
    }
    Ok(out)
}

/// Why an entry's path could write outside the folder it is unpacked into, if it could.
fn unsafe_path(path: &str) -> Option<&'static str> {
    let drive = path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    if path.starts_with('/') || drive {
        Some("the entry has an absolute path; zips newsmark reads hold relative paths only")
    } else if path.split('/').any(|part| part == "..") {
        Some("the entry's path climbs out of the zip with “..”; newsmark refuses such zips")
    } else {
        None
    }
}

/// `bytes` as text: UTF-8, or UTF-16 with a byte-order mark, without the mark (an encoding
/// marker, not part of the text), as the app reads opened files (`core::encoding`).
pub(crate) fn text_of(name: &str, bytes: Vec<u8>) -> Result<String, FormatError> {
    decode_text(bytes).map_err(|e| FormatError::new(name, None, None, format!("{e}; save it as UTF-8")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_is_the_zip_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn dates_and_names() {
        assert_eq!(parse_rfc3339("2026-11-21T10:00:00.000Z"), Some((2026, 11, 21, 10, 0, 0)));
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2026-02-30T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("soon"), None);
        let long = format!("{}.ann", "é".repeat(200));
        let cut = entry_name(&long);
        assert!(cut.len() <= 255 && cut.ends_with(".ann"), "{cut}");
        assert_eq!(entry_name(r"brat\a.ann"), "brat/a.ann");
    }

    #[test]
    fn unpacking_stops_at_the_limit() {
        let zeros = "0".repeat(100_000);
        let zip = write_zip(&[OutputFile { name: "a.txt".into(), text: zeros.clone() }, OutputFile { name: "b.txt".into(), text: zeros }]);
        assert!(zip.len() < 1_000, "deflated to {} bytes", zip.len());
        assert_eq!(read_zip_limited("z.zip", &zip, 200_000).unwrap().len(), 2);
        // The sizes the zip declares are checked before anything is inflated …
        let e = read_zip_limited("z.zip", &zip, 150_000).unwrap_err().to_string();
        assert_eq!(e, "z.zip/b.txt: the zip unpacks to more than 0 MB in all; newsmark reads at most that");
        // … and a zip that lies about them is stopped while inflating, at the limit.
        let mut lying = zip.clone();
        let central = lying.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        lying[central + 24..central + 28].copy_from_slice(&10u32.to_le_bytes());
        let e = read_zip_limited("z.zip", &lying, 150_000).unwrap_err().to_string();
        assert!(e.starts_with("z.zip/b.txt: the zip unpacks to more than"), "{e}");
    }

    #[test]
    fn junk_and_unsafe_paths() {
        assert!(is_junk("__MACOSX/brat/._a.ann"));
        assert!(is_junk("brat/.DS_Store"));
        assert!(is_junk("Thumbs.db"));
        assert!(!is_junk("brat/a.ann"));
        assert!(unsafe_path("/etc/passwd").is_some());
        assert!(unsafe_path("C:/x.txt").is_some());
        assert!(unsafe_path("a/../../x.txt").is_some());
        assert!(unsafe_path("a/..b/x.txt").is_none());
    }
}
