//! Text encodings: detect the encoding of a CSV file and decode it without silent damage.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Encodings the archives of the region are known to use; any other guess is refused.
const EXPECTED: [&str; 8] = [
    "UTF-8",
    "windows-1251",
    "KOI8-R",
    "KOI8-U",
    "IBM866",
    "ISO-8859-5",
    "x-mac-cyrillic",
    "windows-1252",
];

/// A decoded text with the encoding it was read in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding's name (`UTF-8`, `windows-1251`, ...).
    pub encoding: &'static str,
    /// Whether the file began with a byte-order mark.
    pub bom: bool,
    /// Whether a few bytes that are not UTF-8 were found in an otherwise UTF-8 text: each stands
    /// as U+FFFD in `text`, and the rows holding one are rejected rather than the whole file.
    pub damaged: bool,
}

/// Why a file's bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodingError {
    /// The bytes are not valid in the configured or detected encoding.
    #[error("bytes are not valid {encoding} (first bad byte near offset {offset})")]
    Invalid {
        /// The encoding tried.
        encoding: &'static str,
        /// Byte offset of the first undecodable sequence, when known.
        offset: usize,
    },
    /// The detector's guess is no encoding archives of the region use.
    #[error(
        "cannot tell the encoding: it looks like {0}, which no source here is expected to use; \
         set `encoding` for this source in the configuration"
    )]
    Unrecognised(&'static str),
    /// The file holds NUL or other control bytes: it is not a text file.
    #[error("not a text file: it holds control byte 0x{byte:02x} at offset {offset}")]
    Binary {
        /// The control byte.
        byte: u8,
        /// Its offset.
        offset: usize,
    },
}

/// Decodes bytes in the configured encoding, or detects it: a byte-order mark wins, then valid
/// UTF-8, then the detector's guess among the encodings the region's archives use.
pub fn decode(
    bytes: &[u8],
    configured: Option<&'static Encoding>,
) -> Result<Decoded, EncodingError> {
    if let Some(enc) = configured {
        let (body, bom) = strip_bom(bytes, enc);
        return decode_strict(body, enc, bom);
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return decode_strict(&bytes[len..], enc, true);
    }
    refuse_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            bom: false,
            damaged: false,
        });
    }
    if mostly_utf8(bytes) {
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: UTF_8.name(),
            bom: false,
            damaged: true,
        });
    }
    let guess = prefer_koi8_r(bytes, guess(bytes));
    if !EXPECTED.contains(&guess.name()) {
        return Err(EncodingError::Unrecognised(guess.name()));
    }
    decode_strict(bytes, guess, false)
}

/// Like [`decode`], but takes the bytes: valid UTF-8 without a byte-order mark becomes the text
/// without a copy, so a large file is held once.
pub fn decode_owned(
    bytes: Vec<u8>,
    configured: Option<&'static Encoding>,
) -> Result<Decoded, EncodingError> {
    let plain_utf8 =
        configured.is_none_or(|enc| enc == UTF_8) && Encoding::for_bom(&bytes).is_none();
    if !plain_utf8 {
        return decode(&bytes, configured);
    }
    if configured.is_none() {
        refuse_binary(&bytes)?;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            bom: false,
            damaged: false,
        }),
        Err(e) => decode(e.as_bytes(), configured),
    }
}

fn strip_bom<'a>(bytes: &'a [u8], enc: &'static Encoding) -> (&'a [u8], bool) {
    match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => (&bytes[len..], true),
        _ => (bytes, false),
    }
}

/// Bytes of lines holding non-ASCII text the detector is shown at most: far more than it needs
/// to tell the region's encodings apart, and a bound on its work in a large file.
const DETECTOR_SAMPLE: usize = 1 << 20;

/// The detector's guess from the lines holding non-ASCII bytes (ASCII lines tell it nothing), up
/// to [`DETECTOR_SAMPLE`] bytes of them; a smaller text is shown whole.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    if bytes.len() <= DETECTOR_SAMPLE {
        detector.feed(bytes, true);
    } else {
        let mut fed = 0;
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            if line.is_ascii() {
                continue;
            }
            detector.feed(line, false);
            fed += line.len();
            if fed >= DETECTOR_SAMPLE {
                break;
            }
        }
        detector.feed(b"", true);
    }
    detector.guess(None, Utf8Detection::Deny)
}

/// KOI8-U differs from KOI8-R only where KOI8-R has box-drawing signs, which lists never hold:
/// Russian text the detector calls KOI8-U is KOI8-R unless reading it so yields such signs.
fn prefer_koi8_r(bytes: &[u8], guess: &'static Encoding) -> &'static Encoding {
    if guess != encoding_rs::KOI8_U {
        return guess;
    }
    let (text, _) = encoding_rs::KOI8_R.decode_without_bom_handling(bytes);
    let box_drawing = text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c));
    if box_drawing {
        guess
    } else {
        encoding_rs::KOI8_R
    }
}

fn decode_strict(
    bytes: &[u8],
    enc: &'static Encoding,
    bom: bool,
) -> Result<Decoded, EncodingError> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            bom,
            damaged: false,
        }),
        None => Err(EncodingError::Invalid {
            encoding: enc.name(),
            offset: first_invalid_offset(bytes, enc),
        }),
    }
}

fn first_invalid_offset(bytes: &[u8], enc: &'static Encoding) -> usize {
    if enc == UTF_8 {
        return std::str::from_utf8(bytes)
            .err()
            .map(|e| e.valid_up_to())
            .unwrap_or(0);
    }
    0
}

/// The bytes looked at to tell a text from a binary file.
const SNIFF_BYTES: usize = 64 * 1024;

/// Whether a byte is a control byte that text never holds (tab, CR, LF and form feed it does).
pub fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Refuses bytes that are not text: a control byte among the first eight (where binary formats
/// put their signatures), or control bytes making more than one in a hundred of the first 64 KiB.
/// A few stray control bytes in a text are left to reject the rows that hold them.
fn refuse_binary(bytes: &[u8]) -> Result<(), EncodingError> {
    let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let Some(offset) = prefix.iter().position(|&b| is_control(b)) else {
        return Ok(());
    };
    let controls = prefix.iter().filter(|&&b| is_control(b)).count();
    if offset < 8 || (controls >= 4 && controls * 100 > prefix.len()) {
        return Err(EncodingError::Binary {
            byte: bytes[offset],
            offset,
        });
    }
    Ok(())
}

/// Whether bytes that are not valid UTF-8 are still a UTF-8 text with a few damaged bytes: its
/// well-formed non-ASCII characters outnumber its bad sequences ten to one (text in a one-byte
/// Cyrillic encoding has almost no well-formed UTF-8 sequences).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= 10 * bad.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_is_read_and_bom_dropped() {
        let d = decode("\u{feff}ФИО\nШокаев".as_bytes(), None).unwrap();
        assert_eq!(d.text, "ФИО\nШокаев");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.bom);
    }

    #[test]
    fn windows_1251_is_detected() {
        let text = "Фамилия;Имя;Отчество\nШокаев;Мустафа;Шокаевич\nЧакабаев;Ибрагим;\n\
                    Байтурсынов;Ахмет;Байтурсынович\nДулатов;Миржакып;\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert_eq!(d.text, text);
    }

    #[test]
    fn koi8_r_is_detected() {
        let text = "Фамилия,Имя,Год рождения\nИванов,Иван,1899\nПетрова,Мария,1901\n\
                    Сидоров,Николай,1890\nКузнецов,Алексей,1912\n";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "KOI8-R");
        assert_eq!(d.text, text);
    }

    #[test]
    fn a_large_file_is_told_by_its_non_ascii_lines_wherever_they_are() {
        let ascii_rows = "id;year\n".to_string() + &"123456;1890\n".repeat(200_000);
        for (enc, rows) in [
            (
                encoding_rs::WINDOWS_1251,
                "Шокаев;Мустафа;Шокаевич;Ак-Мечеть\n",
            ),
            (encoding_rs::KOI8_R, "Иванов,Иван,Петрович,Перовск\n"),
        ] {
            let text = ascii_rows.clone() + &rows.repeat(60_000);
            assert!(text.len() > 2 * DETECTOR_SAMPLE);
            let (bytes, _, _) = enc.encode(&text);
            let d = decode(&bytes, None).unwrap();
            assert_eq!(d.encoding, enc.name());
            assert_eq!(d.text, text);
        }
    }

    #[test]
    fn configured_encoding_wins_and_invalid_bytes_are_an_error() {
        let err = decode(&[0x41, 0xff, 0xfe, 0x41], Some(UTF_8)).unwrap_err();
        assert!(matches!(err, EncodingError::Invalid { offset: 1, .. }));
        let koi8 = decode(
            &[0xf0, 0xc5, 0xd4, 0xd2, 0xcf, 0xd7],
            Some(encoding_rs::KOI8_R),
        );
        assert_eq!(koi8.unwrap().text, "Петров");
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let cases: [(&[u8], Option<&'static Encoding>); 5] = [
            ("ФИО\nШокаев".as_bytes(), None),
            ("\u{feff}ФИО".as_bytes(), None),
            (&[0x41, 0xff, 0xfe, 0x41], Some(UTF_8)),
            (&[0xd4, 0xc9, 0xcf], Some(encoding_rs::WINDOWS_1251)),
            (&[0x50, 0x00], None),
        ];
        for (bytes, label) in cases {
            assert_eq!(
                decode_owned(bytes.to_vec(), label),
                decode(bytes, label),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn binary_bytes_are_refused() {
        let err = decode(&[0x50, 0x4b, 0x03, 0x04, 0x00], None).unwrap_err();
        assert!(matches!(err, EncodingError::Binary { byte: 3, .. }));
        let mut dense = "ФИО,Год\n".repeat(10).into_bytes();
        dense.extend([0u8, 1, 2, 3, 4, 5]);
        assert!(matches!(
            decode(&dense, None),
            Err(EncodingError::Binary { .. })
        ));
    }

    #[test]
    fn a_stray_control_byte_leaves_the_text_readable() {
        let text = "№,ФИО\n1,Байтурсынов\u{0} Ахмет\n2,Жумабаев Магжан\n";
        let decoded = decode(text.as_bytes(), None).unwrap();
        assert_eq!(decoded.text, text);
        assert!(!decoded.damaged);
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_text_are_marked_not_guessed_away() {
        let mut bytes = "№,ФИО\n1,Шокаев Мустафа\n2,Чакабаев ".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend("Ибрагимбек\n3,Дулатов Миржакып\n".as_bytes());
        let decoded = decode_owned(bytes, None).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.damaged);
        assert!(decoded.text.contains("Чакабаев \u{fffd}Ибрагимбек"));
        let cp1251 = encoding_rs::WINDOWS_1251
            .encode("№,ФИО\n1,Шокаев Мустафа\n")
            .0;
        let decoded = decode(&cp1251, None).unwrap();
        assert_eq!((decoded.encoding, decoded.damaged), ("windows-1251", false));
    }
}
