//! Card brands and the longest-prefix IIN table.
//!
//! Ranges come from the card networks' published IIN ranges as collected in
//! braintree/credit-card-type, plus UATP, Troy, RuPay, Naranja, Dankort and
//! BC Card/DinaCard. Brand ranges overlap (Elo and Hiper sit inside Visa,
//! Maestro and Discover ranges), so lookup picks the entry with the longest
//! matching prefix.

use std::fmt;

/// A card network, found from the number's issuer identification prefix.
///
/// The names returned by [`Brand::as_str`] are the identifiers used by
/// braintree/credit-card-type (`"visa"`, `"american-express"`, …), so they
/// are stable across the Rust, Python and Node APIs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Brand {
    /// Visa (prefix 4).
    Visa,
    /// Mastercard (51–55, 2221–2720).
    Mastercard,
    /// American Express (34, 37).
    AmericanExpress,
    /// Diners Club (300–305, 36, 38, 39).
    DinersClub,
    /// Discover (6011, 644–649, 65).
    Discover,
    /// JCB (2131, 1800, 3528–3589).
    Jcb,
    /// China UnionPay (62, 81).
    UnionPay,
    /// Maestro.
    Maestro,
    /// Mir (2200–2204).
    Mir,
    /// Elo (Brazil).
    Elo,
    /// Hiper (Brazil).
    Hiper,
    /// Hipercard (Brazil).
    Hipercard,
    /// Verve (Nigeria).
    Verve,
    /// RuPay (India).
    RuPay,
    /// UATP (prefix 1).
    Uatp,
    /// Troy (Turkey).
    Troy,
    /// Naranja (Argentina).
    Naranja,
    /// Dankort (Denmark).
    Dankort,
    /// BC Card / DinaCard.
    BcCard,
}

impl Brand {
    /// The brand's stable identifier, e.g. `"visa"` or
    /// `"american-express"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Brand::Visa => "visa",
            Brand::Mastercard => "mastercard",
            Brand::AmericanExpress => "american-express",
            Brand::DinersClub => "diners-club",
            Brand::Discover => "discover",
            Brand::Jcb => "jcb",
            Brand::UnionPay => "unionpay",
            Brand::Maestro => "maestro",
            Brand::Mir => "mir",
            Brand::Elo => "elo",
            Brand::Hiper => "hiper",
            Brand::Hipercard => "hipercard",
            Brand::Verve => "verve",
            Brand::RuPay => "rupay",
            Brand::Uatp => "uatp",
            Brand::Troy => "troy",
            Brand::Naranja => "naranja",
            Brand::Dankort => "dankort",
            Brand::BcCard => "bccard",
        }
    }

    /// Card number lengths the network issues.
    pub(crate) const fn lengths(self) -> &'static [u8] {
        match self {
            Brand::Visa => &[13, 16, 18, 19],
            Brand::Mastercard => &[16],
            Brand::AmericanExpress => &[15],
            Brand::DinersClub => &[14, 16, 19],
            Brand::Discover => &[16, 19],
            Brand::Jcb => &[16, 17, 18, 19],
            Brand::UnionPay => &[14, 15, 16, 17, 18, 19],
            Brand::Maestro => &[12, 13, 14, 15, 16, 17, 18, 19],
            Brand::Mir => &[16, 17, 18, 19],
            Brand::Hipercard => &[16, 19],
            Brand::Elo
            | Brand::Hiper
            | Brand::Troy
            | Brand::Dankort
            | Brand::BcCard => &[16],
            Brand::Verve => &[16, 18, 19],
            Brand::RuPay => &[16],
            Brand::Uatp => &[15],
            Brand::Naranja => &[16],
        }
    }

    /// Whether the network issues numbers of `n` digits ([`Brand::lengths`]),
    /// told by one bit test: the look-up runs for every window that passes
    /// the Luhn check.
    #[inline]
    pub(crate) fn issues_length(&self, n: usize) -> bool {
        // Each brand's lengths as a bit set, by the brand's place in the
        // enum, built at compile time.
        const BITS: [u32; BRANDS.len()] = {
            let mut bits = [0; BRANDS.len()];
            let mut i = 0;
            while i < BRANDS.len() {
                bits[BRANDS[i] as usize] = length_bits(BRANDS[i].lengths());
                i += 1;
            }
            bits
        };
        n < 32 && BITS[*self as usize] >> n & 1 != 0
    }
}

/// Every brand, in the enum's order.
const BRANDS: [Brand; 19] = [
    Brand::Visa,
    Brand::Mastercard,
    Brand::AmericanExpress,
    Brand::DinersClub,
    Brand::Discover,
    Brand::Jcb,
    Brand::UnionPay,
    Brand::Maestro,
    Brand::Mir,
    Brand::Elo,
    Brand::Hiper,
    Brand::Hipercard,
    Brand::Verve,
    Brand::RuPay,
    Brand::Uatp,
    Brand::Troy,
    Brand::Naranja,
    Brand::Dankort,
    Brand::BcCard,
];

/// `lengths` as a bit set: bit `n` for each length `n` (all below 32).
const fn length_bits(lengths: &[u8]) -> u32 {
    let mut bits = 0u32;
    let mut i = 0;
    while i < lengths.len() {
        assert!(lengths[i] < 32);
        bits |= 1 << lengths[i];
        i += 1;
    }
    bits
}

impl fmt::Display for Brand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One IIN range: numbers whose first `len` digits, read as an integer,
/// fall in `lo..=hi`.
struct Range {
    len: u8,
    lo: u32,
    hi: u32,
    brand: Brand,
}

const fn r(len: u8, lo: u32, hi: u32, brand: Brand) -> Range {
    Range { len, lo, hi, brand }
}

use Brand::*;

#[rustfmt::skip]
static TABLE: &[Range] = &[
    r(1, 4, 4, Visa),
    r(2, 51, 55, Mastercard), r(4, 2221, 2720, Mastercard),
    r(2, 34, 34, AmericanExpress), r(2, 37, 37, AmericanExpress),
    r(3, 300, 305, DinersClub), r(2, 36, 36, DinersClub),
    r(2, 38, 39, DinersClub),
    r(4, 6011, 6011, Discover), r(3, 644, 649, Discover), r(2, 65, 65, Discover),
    r(4, 2131, 2131, Jcb), r(4, 1800, 1800, Jcb), r(4, 3528, 3589, Jcb),
    r(4, 3088, 3094, Jcb), r(4, 3096, 3102, Jcb), r(4, 3112, 3120, Jcb),
    r(4, 3158, 3159, Jcb), r(4, 3337, 3349, Jcb),
    r(3, 620, 620, UnionPay), r(5, 62100, 62182, UnionPay),
    r(5, 62184, 62197, UnionPay), r(5, 62200, 62205, UnionPay),
    r(6, 622010, 622999, UnionPay), r(5, 62207, 62209, UnionPay),
    r(3, 623, 626, UnionPay), r(4, 6270, 6270, UnionPay),
    r(4, 6272, 6272, UnionPay), r(4, 6276, 6276, UnionPay),
    r(6, 627700, 627779, UnionPay), r(6, 627781, 627799, UnionPay),
    r(4, 6282, 6289, UnionPay), r(4, 6291, 6292, UnionPay),
    r(3, 810, 810, UnionPay), r(4, 8110, 8171, UnionPay),
    r(6, 493698, 493698, Maestro), r(6, 500000, 504174, Maestro),
    r(6, 504176, 506698, Maestro), r(6, 506779, 508999, Maestro),
    r(2, 56, 59, Maestro), r(2, 63, 63, Maestro), r(2, 67, 67, Maestro),
    r(1, 6, 6, Maestro),
    r(4, 2200, 2204, Mir),
    r(6, 401178, 401179, Elo), r(6, 438935, 438935, Elo),
    r(6, 457631, 457632, Elo), r(6, 431274, 431274, Elo),
    r(6, 451416, 451416, Elo), r(6, 457393, 457393, Elo),
    r(6, 504175, 504175, Elo), r(6, 506699, 506778, Elo),
    r(6, 509000, 509999, Elo), r(6, 627780, 627780, Elo),
    r(6, 636297, 636297, Elo), r(6, 636368, 636368, Elo),
    r(6, 650031, 650033, Elo), r(6, 650035, 650051, Elo),
    r(6, 650405, 650439, Elo), r(6, 650485, 650538, Elo),
    r(6, 650541, 650598, Elo), r(6, 650700, 650718, Elo),
    r(6, 650720, 650727, Elo), r(6, 650901, 650978, Elo),
    r(6, 651652, 651679, Elo), r(6, 655000, 655019, Elo),
    r(6, 655021, 655058, Elo),
    r(6, 637095, 637095, Hiper), r(8, 63737423, 63737423, Hiper),
    r(8, 63743358, 63743358, Hiper), r(6, 637568, 637568, Hiper),
    r(6, 637599, 637599, Hiper), r(6, 637609, 637609, Hiper),
    r(6, 637612, 637612, Hiper),
    r(6, 606282, 606282, Hipercard), r(6, 384100, 384100, Hipercard),
    r(6, 384140, 384140, Hipercard), r(6, 384160, 384160, Hipercard),
    r(6, 506099, 506198, Verve), r(6, 507865, 507964, Verve),
    r(6, 650002, 650027, Verve),
    r(6, 508500, 508999, RuPay), r(6, 606985, 607984, RuPay),
    r(6, 608001, 608500, RuPay), r(6, 652150, 653149, RuPay),
    r(1, 1, 1, Uatp),
    r(4, 9792, 9792, Troy), r(6, 650274, 650274, Troy),
    r(6, 650923, 650923, Troy),
    r(6, 589562, 589562, Naranja), r(6, 402917, 402917, Naranja),
    r(6, 402918, 402918, Naranja), r(6, 527571, 527571, Naranja),
    r(6, 527572, 527572, Naranja),
    r(4, 5019, 5019, Dankort),
    r(4, 6555, 6555, BcCard), r(5, 94310, 94310, BcCard),
];

/// Whether the card number given as digit values has a brand that issues
/// numbers of its length ([`lookup`]).
pub(crate) fn issued(digits: &[u8]) -> bool {
    lookup(digits).is_some_and(|b| issues(digits, b))
}

/// Whether brand `b` issues card numbers of the length of `digits`:
/// [`Brand::issues_length`], and 15 digits for JCB's older prefixes 2131
/// and 1800, whose cards had 15 (its 35 range has 16 to 19).
#[inline]
pub(crate) fn issues(digits: &[u8], b: Brand) -> bool {
    b.issues_length(digits.len())
        || b == Brand::Jcb && digits.len() == 15 && jcb_fifteen(digits)
}

/// Whether `digits` start with 2131 or 1800.
// (Out of line: asked only of a brand's number of a length it does not
// issue.)
#[cold]
#[inline(never)]
fn jcb_fifteen(digits: &[u8]) -> bool {
    matches!(digits.get(..4), Some([2, 1, 3, 1] | [1, 8, 0, 0]))
}

/// Finds the brand of a card number given as digit values, by the longest
/// matching IIN prefix among the brands that issue numbers of this length
/// (so a 13-digit number inside a co-branded Visa range is still Visa), or
/// else the longest matching prefix of any brand. Returns `None` when no
/// range matches.
pub(crate) fn lookup(digits: &[u8]) -> Option<Brand> {
    let first = usize::from(*digits.first()?);
    // The prefixes of one to eight digits, read as integers.
    let mut pre = [0u32; 9];
    for (k, &d) in digits.iter().take(8).enumerate() {
        pre[k + 1] = pre[k] * 10 + u32::from(d);
    }
    let ranges = match digits.get(1) {
        Some(&d) => &by_first_two()[first * 10 + usize::from(d)],
        None => &by_first_digit()[first],
    };
    let mut best: Option<(bool, u8, Brand)> = None;
    for &i in ranges {
        let e = &TABLE[usize::from(i)];
        let n = usize::from(e.len);
        if digits.len() < n {
            continue;
        }
        let v = pre[n];
        if v < e.lo || v > e.hi {
            continue;
        }
        let fits = e.brand.issues_length(digits.len())
            || e.brand == Jcb && digits.len() == 15 && jcb_fifteen(digits);
        if best.is_none_or(|(f, l, _)| (fits, e.len) > (f, l)) {
            best = Some((fits, e.len, e.brand));
        }
    }
    best.map(|(_, _, b)| b)
}

/// The indices of [`TABLE`]'s ranges by the first digit they start with,
/// in table order (every range's numbers share their first digit): a
/// look-up reads a tenth of the table on average.
fn by_first_digit() -> &'static [Vec<u8>; 10] {
    static INDEX: std::sync::OnceLock<[Vec<u8>; 10]> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [Vec<u8>; 10] = Default::default();
        for (i, e) in TABLE.iter().enumerate() {
            index[first_digit(e.lo, e.len)].push(i as u8);
        }
        index
    })
}

/// The indices of [`TABLE`]'s ranges by the first two digits of the
/// numbers they hold (a range of one digit under each of its ten), in
/// table order: a look-up reads the few ranges that can hold its number.
fn by_first_two() -> &'static [Vec<u8>; 100] {
    static INDEX: std::sync::OnceLock<[Vec<u8>; 100]> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [Vec<u8>; 100] = std::array::from_fn(|_| Vec::new());
        for (i, e) in TABLE.iter().enumerate() {
            let two = |v: u32| match e.len {
                1 => v as usize * 10,
                n => (v / 10u32.pow(u32::from(n) - 2)) as usize,
            };
            let last = if e.len == 1 { two(e.hi) + 9 } else { two(e.hi) };
            for bucket in &mut index[two(e.lo)..=last] {
                bucket.push(i as u8);
            }
        }
        index
    })
}

/// The first digit of a prefix of `len` digits.
fn first_digit(v: u32, len: u8) -> usize {
    (v / 10u32.pow(u32::from(len) - 1)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    /// The one-bit length test says what the list of lengths says, for
    /// every brand in the table and every length; the list of brands it
    /// is built from holds each brand once, at its place in the enum.
    #[test]
    fn length_bits_agree_with_the_lengths() {
        for (i, &b) in BRANDS.iter().enumerate() {
            assert_eq!(b as usize, i, "{b}");
        }
        for e in TABLE {
            assert!(BRANDS.contains(&e.brand), "{}", e.brand);
            for n in 0..64 {
                assert_eq!(
                    e.brand.issues_length(n),
                    e.brand.lengths().contains(&(n as u8)),
                    "{} {n}",
                    e.brand
                );
            }
        }
    }

    /// `lookup` reads prefixes of at most eight digits.
    #[test]
    fn prefixes_fit_the_lookup() {
        assert!(TABLE.iter().all(|e| (1..=8).contains(&e.len)));
    }

    /// The index by first digit holds every range: no range spans two
    /// first digits.
    #[test]
    fn ranges_keep_their_first_digit() {
        assert!(TABLE.len() < 256);
        for e in TABLE {
            assert_eq!(first_digit(e.lo, e.len), first_digit(e.hi, e.len));
            assert!(e.lo >= 10u32.pow(u32::from(e.len) - 1));
        }
        let n: usize = by_first_digit().iter().map(Vec::len).sum();
        assert_eq!(n, TABLE.len());
    }

    /// JCB's 2131 and 1800 issue 15 digits; its 35 range does not.
    #[test]
    fn jcb_issues_fifteen_digits_only_at_its_older_prefixes() {
        for (n, want) in [
            ("213100000000019", true),
            ("180000000000044", true),
            ("352800000000007", false),
            ("3528000000000007", true),
        ] {
            let d = ds(n);
            assert_eq!(lookup(&d), Some(Jcb), "{n}");
            assert_eq!(issued(&d), want, "{n}");
        }
    }

    /// The index of ranges by first digits finds what a walk of the whole
    /// table finds, for every prefix the table names and the numbers
    /// around its ranges.
    #[test]
    fn index_agrees_with_the_whole_table() {
        let walk = |digits: &[u8]| {
            let mut pre = [0u32; 9];
            for (k, &d) in digits.iter().take(8).enumerate() {
                pre[k + 1] = pre[k] * 10 + u32::from(d);
            }
            let mut best: Option<(bool, u8, Brand)> = None;
            for e in TABLE {
                let n = usize::from(e.len);
                let v = pre[n];
                if digits.len() < n || v < e.lo || v > e.hi {
                    continue;
                }
                let fits = e.brand.lengths().contains(&(digits.len() as u8))
                    || e.brand == Jcb
                        && digits.len() == 15
                        && jcb_fifteen(digits);
                if best.is_none_or(|(f, l, _)| (fits, e.len) > (f, l)) {
                    best = Some((fits, e.len, e.brand));
                }
            }
            best.map(|(_, _, b)| b)
        };
        for e in TABLE {
            for v in [e.lo.saturating_sub(1), e.lo, e.hi, e.hi + 1] {
                let p = format!("{v:0w$}", w = usize::from(e.len));
                for len in 12..=19 {
                    let s = format!("{p:0<len$}");
                    let d = ds(&s[..len.min(s.len())]);
                    assert_eq!(lookup(&d), walk(&d), "{s}");
                }
            }
        }
        // Every start of one or two digits, the rest all zeros or nines,
        // and numbers of one digit.
        for start in 0..100 {
            for fill in ['0', '9'] {
                for len in 1..=19 {
                    let s =
                        format!("{start:02}") + &fill.to_string().repeat(17);
                    let d = ds(&s[..len]);
                    assert_eq!(lookup(&d), walk(&d), "{s} {len}");
                }
            }
        }
    }

    #[test]
    fn longest_prefix_wins() {
        assert_eq!(lookup(&ds("4111111111111111")), Some(Visa));
        assert_eq!(lookup(&ds("4011780000000000")), Some(Elo));
        assert_eq!(lookup(&ds("6062820000000000")), Some(Hipercard));
        // Hipercard's 3841 ranges sit inside Diners Club's 38.
        assert_eq!(lookup(&ds("3841005899088180330")), Some(Hipercard));
        assert_eq!(lookup(&ds("38520000023237")), Some(DinersClub));
        assert_eq!(lookup(&ds("6011000000000000")), Some(Discover));
        assert_eq!(lookup(&ds("2221000000000000")), Some(Mastercard));
        assert_eq!(lookup(&ds("2720990000000000")), Some(Mastercard));
        assert_eq!(lookup(&ds("2721000000000000")), None);
        assert_eq!(lookup(&ds("0000000000000000")), None);
    }
}
