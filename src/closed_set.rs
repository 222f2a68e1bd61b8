//! Closed sets (the `closed_set!` macro) and the name normalization their parsing shares:
//! every module that defines a set of Chinese-named members uses these, so they depend on
//! nothing but the error type.

/// Defines a closed set: a strum enum with Chinese display names, a `FromStr` that accepts the
/// display name and listed aliases, and an `ALL` constant in the published order. With
/// `parsed_elsewhere` after the set's kind, no `FromStr` is made: the set's other names are
/// kept as data elsewhere (the table titles of the vocabulary), which implements it there.
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $kind:literal parsed_elsewhere {
            $( $(#[$vmeta:meta])* $variant:ident = $display:literal ),+ $(,)?
        }
    ) => {
        $crate::closed_set::closed_set!(@type $(#[$meta])* $name { $( $(#[$vmeta])* $variant = $display [] ),+ });
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $display:literal $([$($alias:literal),* $(,)?])? ),+ $(,)?
        }
    ) => {
        $crate::closed_set::closed_set!(@type $(#[$meta])* $name { $( $(#[$vmeta])* $variant = $display [$($($alias),*)?] ),+ });

        impl std::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(input: &str) -> $crate::Result<Self> {
                let wanted = $crate::closed_set::normalize_name(input);
                $(
                    if wanted == $display $($(|| wanted == $alias)*)? {
                        return Ok($name::$variant);
                    }
                )+
                Err($crate::Error::UnknownName { kind: $kind, input: input.to_owned() })
            }
        }
    };
    (@type
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $display:literal [$($alias:literal),*] ),+ }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            strum::Display, strum::IntoStaticStr,
        )]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
        pub enum $name {
            $( $(#[$vmeta])* #[strum(to_string = $display)] $variant, )+
        }

        impl $name {
            /// Every member, in the order disclosures list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The Chinese name as disclosures print it.
            #[must_use]
            pub fn name(self) -> &'static str {
                self.into()
            }

            /// Every name and alias [`FromStr`](std::str::FromStr) reads, with its member.
            #[allow(dead_code)]
            pub(crate) const WORDS: &'static [(&'static str, $name)] = &[
                $( ($display, $name::$variant), $( ($alias, $name::$variant), )* )+
            ];
        }
    };
}
pub(crate) use closed_set;

/// Trims, turns half-width brackets into the full-width ones the names use, and drops a list
/// numbering such as `一、` or `1.` in front.
pub(crate) fn normalize_name(input: &str) -> String {
    strip_list_number(input)
        .replace('(', "（")
        .replace(')', "）")
}

/// The name without surrounding white space and without a list numbering (`一、`, `1.`).
pub(crate) fn strip_list_number(input: &str) -> &str {
    let trimmed = trim_white_space(input);
    // The numbering is the run of numeral characters in front when a separator (`、`, `.`,
    // `．`) ends it: found in one pass over that prefix, where searching the whole name for a
    // separator first cost the classification check most of its time (same answer: a
    // separator is not a numeral). Read as bytes, as decoding characters cost several times
    // as much for the one or two looked at.
    let numbering = list_numeral_prefix_len(trimmed.as_bytes());
    if numbering == 0 {
        return trimmed;
    }
    let rest = trimmed.get(numbering..).unwrap_or_default();
    let separator_len = match rest.as_bytes() {
        [b'.', ..] => 1,
        // `、` (U+3001) and `．` (U+FF0E) in UTF-8.
        [0xE3, 0x80, 0x81, ..] | [0xEF, 0xBC, 0x8E, ..] => 3,
        _ => return trimmed,
    };
    // `trim` here is `trim_start`: the end is `trimmed`'s, not white space.
    trim_white_space(rest.get(separator_len..).unwrap_or_default())
}

/// The length in bytes of the run of list numerals (see [`is_list_numeral`]) `name` starts with.
fn list_numeral_prefix_len(name: &[u8]) -> usize {
    let mut len = 0;
    loop {
        match *name.get(len..).unwrap_or_default() {
            [b'0'..=b'9', ..] => len += 1,
            // The Chinese numerals lie in U+4E00..=U+5341: 3 bytes led by 0xE4 or 0xE5.
            [lead @ (0xE4 | 0xE5), second, third, ..]
                if char::from_u32(
                    (u32::from(lead & 0x0F) << 12)
                        | (u32::from(second & 0x3F) << 6)
                        | u32::from(third & 0x3F),
                )
                .is_some_and(is_list_numeral) =>
            {
                len += 3;
            }
            _ => return len,
        }
    }
}

/// `str::trim`, deciding from the end bytes alone when (as nearly always) neither end is white
/// space: `trim` decodes and classifies characters through the general pattern machinery even
/// then. Every white space character is ASCII or below U+3001, so a character whose first byte
/// is 0xE4 or more (U+4000 and up: the CJK ideographs, full-width forms) is not one; any other
/// end goes the slow way.
fn trim_white_space(s: &str) -> &str {
    let bytes = s.as_bytes();
    let is_clean_ascii = |b: u8| b > b' ' && b.is_ascii();
    let clean_start = bytes
        .first()
        .is_some_and(|&b| is_clean_ascii(b) || b >= 0xE4);
    // A last character of 3 bytes starts 3 from the end; a byte of 0xE4 or more there is such a
    // start (continuation bytes are below 0xC0), and cannot start a 4-byte one with 3 left.
    let clean_end = match bytes.last() {
        Some(&b) if b.is_ascii() => is_clean_ascii(b),
        Some(_) => bytes.len() >= 3 && bytes[bytes.len() - 3] >= 0xE4,
        None => false,
    };
    if clean_start && clean_end {
        s
    } else {
        s.trim()
    }
}

pub(crate) fn is_list_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
}
