//! Allocation-free Luhn check over digit values.

/// Reports whether `digits` (values 0–9, most significant first) pass the
/// Luhn (mod 10) check.
pub(crate) fn valid(digits: &[u8]) -> bool {
    // Two digits a step from the right: the right one as it is, the left
    // one doubled (its digits summed). A leading digit left over stands
    // at an even place from the right and counts as it is.
    let pairs = digits.rchunks_exact(2);
    let lead = pairs.remainder().first().map_or(0, |&d| u32::from(d));
    let sum = pairs.fold(lead, |sum, p| {
        sum + u32::from(p[1]) + u32::from(TWICE[usize::from(p[0] & 15)])
    });
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// A digit doubled, its digits summed (the Luhn step); the table is padded
/// to sixteen entries so that a four-bit index needs no bounds check.
const TWICE: [u8; 16] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9, 0, 0, 0, 0, 0, 0];

/// A Luhn sum kept as digits are appended, one step per digit: reading
/// every prefix of a number costs no more than reading the number.
#[derive(Clone, Copy, Default)]
pub(crate) struct Running {
    /// The sum with the last digit as it is (the check's reading).
    plain: u32,
    /// The sum with the last digit doubled.
    doubled: u32,
    n: usize,
}

impl Running {
    /// Appends digit `d` (0–9).
    pub(crate) fn push(&mut self, d: u8) {
        let twice = u32::from(TWICE[usize::from(d & 15)]);
        let d = u32::from(d);
        // The digits before `d` move one place left: the one doubled
        // becomes plain and the other way round.
        (self.plain, self.doubled) = (self.doubled + d, self.plain + twice);
        self.n += 1;
    }

    /// Whether the digits pushed so far pass the check (as [`valid`]).
    pub(crate) fn valid(&self) -> bool {
        self.n > 0 && self.plain.is_multiple_of(10)
    }
}

#[cfg(test)]
mod tests {
    use super::{valid, Running};

    fn ds(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    #[test]
    fn published_numbers() {
        assert!(valid(&ds("4111111111111111")));
        assert!(valid(&ds("5555555555554444")));
        assert!(valid(&ds("378282246310005")));
        assert!(!valid(&ds("4012888888881882")));
        assert!(!valid(&ds("")));
    }

    /// The check as the standard states it: from the right, every second
    /// digit doubled, 9 taken off a result above 9, the sum a multiple of
    /// ten. Every number of one to five digits, leading zeros included.
    #[test]
    fn agrees_with_the_definition() {
        for len in 1..=5u32 {
            for n in 0..10u32.pow(len) {
                let ds: Vec<u8> = (0..len)
                    .rev()
                    .map(|k| (n / 10u32.pow(k) % 10) as u8)
                    .collect();
                let sum: u32 = ds
                    .iter()
                    .rev()
                    .enumerate()
                    .map(|(i, &d)| {
                        let d = u32::from(d);
                        if i % 2 == 1 {
                            if d * 2 > 9 {
                                d * 2 - 9
                            } else {
                                d * 2
                            }
                        } else {
                            d
                        }
                    })
                    .sum();
                assert_eq!(valid(&ds), sum.is_multiple_of(10), "{ds:?}");
            }
        }
    }

    /// The running sum agrees with the check on every prefix.
    #[test]
    fn running_agrees_on_every_prefix() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut ds = Vec::new();
            let mut r = Running::default();
            assert!(!r.valid());
            for _ in 0..24 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let d = (x % 10) as u8;
                ds.push(d);
                r.push(d);
                assert_eq!(r.valid(), valid(&ds), "{ds:?}");
            }
        }
    }
}
