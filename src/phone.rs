//! Phone numbers for the SMS channel: parsing, validation and E.164 with
//! libphonenumber's metadata (the `phonenumber` crate: every country's
//! trunk prefix, lengths and mobile ranges), and the SMS encoding (GSM-7 or
//! UCS-2) and segment count of a text.

use phonenumber::country;

/// Whether `country` is an ISO 3166 code libphonenumber knows (a config
/// check on every run: no metadata loaded for it).
pub(crate) fn known_country(country: &str) -> bool {
    country.to_ascii_uppercase().parse::<country::Id>().is_ok()
}

/// A number as written by a citizen or a form (`06 12 34 56 78`,
/// `+33 (0)6 12 34 56 78`, `0033 6…`, an Italian `06 6982 0000` with its
/// leading 0 kept) to E.164 (`+33612345678`), national numbers read as
/// numbers of `default_country`. Numbers libphonenumber does not consider
/// valid for their country are refused.
pub(crate) fn normalize(text: &str, default_country: &str) -> Result<String, String> {
    let bad = |why: &str| format!("invalid phone number \"{text}\": {why}");
    let region = default_country
        .to_ascii_uppercase()
        .parse::<country::Id>()
        .map_err(|_| bad(&format!("unknown default country {default_country}")))?;
    let trimmed = text.trim();
    if let Some(c) = trimmed
        .chars()
        .find(|c| !(c.is_ascii_digit() || " .-()/+\u{a0}".contains(*c)))
    {
        return Err(bad(&format!("unexpected character {c:?}")));
    }
    // `00` is the international prefix in most of Europe; libphonenumber
    // reads it only for the default country's own prefix.
    let written = match trimmed.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => trimmed.to_string(),
    };
    let number = phonenumber::parse(Some(region), &written).map_err(|e| bad(&e.to_string()))?;
    if !phonenumber::is_valid(&number) {
        return Err(bad("not a valid number for its country"));
    }
    Ok(number.format().mode(phonenumber::Mode::E164).to_string())
}

/// GSM 03.38 basic character set.
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// GSM 03.38 extension table (each takes two septets).
const GSM7_EXTENDED: &str = "^{}\\[~]|€\u{000C}";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum SmsEncoding {
    #[serde(rename = "GSM-7")]
    Gsm7,
    #[serde(rename = "UCS-2")]
    Ucs2,
}

impl std::fmt::Display for SmsEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SmsEncoding::Gsm7 => "GSM-7",
            SmsEncoding::Ucs2 => "UCS-2",
        })
    }
}

/// The encoding a text needs and how many SMS segments it takes
/// (160/153 septets in GSM-7, 70/67 UTF-16 units in UCS-2). In a
/// concatenated SMS an extension character's two septets, like a surrogate
/// pair's two units, never straddle two segments: a segment that cannot
/// take the whole character ends early.
pub(crate) fn segments(text: &str) -> (SmsEncoding, usize) {
    let septets: Option<Vec<usize>> = text
        .chars()
        .map(|c| {
            if GSM7_BASIC.contains(c) {
                Some(1)
            } else if GSM7_EXTENDED.contains(c) {
                Some(2)
            } else {
                None
            }
        })
        .collect();
    match septets {
        Some(sizes) => (SmsEncoding::Gsm7, count_segments(&sizes, 160, 153)),
        None => {
            let units: Vec<usize> = text.chars().map(char::len_utf16).collect();
            (SmsEncoding::Ucs2, count_segments(&units, 70, 67))
        }
    }
}

/// Segments for characters of the given sizes: one if they fit in `single`,
/// else as many `part`-sized segments as filling them in order takes.
fn count_segments(sizes: &[usize], single: usize, part: usize) -> usize {
    if sizes.iter().sum::<usize>() <= single {
        return 1;
    }
    let mut count = 1;
    let mut used = 0;
    for size in sizes {
        if used + size > part {
            count += 1;
            used = 0;
        }
        used += size;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// National and international numbers of the countries a city hall
    /// meets, mobiles and landlines, each to its E.164 form.
    #[test]
    fn normalizes_numbers_of_every_country() {
        let table = [
            ("FR", "06 12 34 56 78", "+33612345678"),
            ("FR", "+33 6 12 34 56 78", "+33612345678"),
            ("FR", "0033612345678", "+33612345678"),
            ("FR", "(+33) 6.12.34.56.78", "+33612345678"),
            ("FR", "06-12-34-56-78", "+33612345678"),
            ("FR", "+33 (0)6 12 34 56 78", "+33612345678"),
            ("FR", "01 42 76 40 40", "+33142764040"),
            ("BE", "0470 12 34 56", "+32470123456"),
            ("BE", "+32 2 279 22 11", "+3222792211"),
            ("CH", "079 123 45 67", "+41791234567"),
            ("FR", "+41 79 123 45 67", "+41791234567"),
            ("LU", "621 123 456", "+352621123456"),
            ("LU", "+352 621 123 456", "+352621123456"),
            // Italian numbers keep their leading 0; mobiles start with 3.
            ("IT", "06 6982 0000", "+390669820000"),
            ("IT", "312 345 6789", "+393123456789"),
            ("ES", "612 34 56 78", "+34612345678"),
            ("ES", "+34 91 123 45 67", "+34911234567"),
            ("PT", "912 345 678", "+351912345678"),
            ("DE", "0151 23456789", "+4915123456789"),
            ("DE", "030 123456", "+4930123456"),
            ("GB", "07400 123456", "+447400123456"),
            ("GB", "+44 20 7946 0018", "+442079460018"),
            // Overseas France: Réunion, Guadeloupe, Guyane, Martinique, Mayotte.
            ("RE", "0692 12 34 56", "+262692123456"),
            ("FR", "+262 692 12 34 56", "+262692123456"),
            ("GP", "0690 12 34 56", "+590690123456"),
            ("GF", "0694 20 12 34", "+594694201234"),
            ("MQ", "0696 12 34 56", "+596696123456"),
            ("YT", "0639 01 23 45", "+262639012345"),
            ("KM", "+269 321 23 45", "+2693212345"),
        ];
        for (country, input, e164) in table {
            assert_eq!(
                normalize(input, country).as_deref(),
                Ok(e164),
                "{country} {input}"
            );
        }
    }

    #[test]
    fn refuses_bad_numbers() {
        for bad in [
            "",
            "12345",
            "06 12 34 56",
            "+33 06 12 34 56 78 9",
            "06 12 34 56 78 90",
            "call me",
            "+33 6 12 34 56 7x",
        ] {
            assert!(normalize(bad, "FR").is_err(), "{bad}");
        }
        assert!(normalize("06 12 34 56 78", "XX").is_err());
        assert!(known_country("it") && known_country("RE") && !known_country("XX"));
    }

    #[test]
    fn counts_segments() {
        assert_eq!(segments("Bonjour"), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"a".repeat(160)), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"a".repeat(161)), (SmsEncoding::Gsm7, 2));
        assert_eq!(segments(&"€".repeat(80)), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"€".repeat(81)), (SmsEncoding::Gsm7, 2));
        // é and è are GSM-7; ê and ç are not.
        assert_eq!(segments("Votre dossier est prêt"), (SmsEncoding::Ucs2, 1));
        assert_eq!(segments("Réunion à l'école"), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"ê".repeat(71)), (SmsEncoding::Ucs2, 2));
        assert_eq!(segments(""), (SmsEncoding::Gsm7, 1));
    }

    /// An extension character (2 septets) at a segment's end moves to the
    /// next segment, as a surrogate pair does in UCS-2: a plain count of
    /// septets or units said 2 segments for both texts below.
    #[test]
    fn extension_characters_and_surrogates_never_straddle_segments() {
        // 152 + 154 septets = 2 × 153, but the first € cannot split.
        let text = format!("{}{}", "a".repeat(152), "€".repeat(77));
        assert_eq!(segments(&text), (SmsEncoding::Gsm7, 3));
        assert_eq!(segments(&"a".repeat(306)), (SmsEncoding::Gsm7, 2));
        // UCS-2: 66 units then emoji (surrogate pairs, 2 units each).
        let text = format!("{}{}", "ê".repeat(66), "😀".repeat(34));
        assert_eq!(segments(&text), (SmsEncoding::Ucs2, 3));
        assert_eq!(segments(&"ê".repeat(134)), (SmsEncoding::Ucs2, 2));
    }
}
