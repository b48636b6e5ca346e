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

#[cfg(test)]
mod tests {
    use super::valid;

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
}
