//! Allocation-free Luhn check over digit values.

/// Reports whether `digits` (values 0–9, most significant first) pass the
/// Luhn (mod 10) check.
pub(crate) fn valid(digits: &[u8]) -> bool {
    if digits.is_empty() {
        return false;
    }
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let d = u32::from(d);
        sum += if i % 2 == 1 {
            let x = d * 2;
            if x > 9 {
                x - 9
            } else {
                x
            }
        } else {
            d
        };
    }
    sum.is_multiple_of(10)
}

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
        let d = u32::from(d);
        let twice = if d * 2 > 9 { d * 2 - 9 } else { d * 2 };
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
