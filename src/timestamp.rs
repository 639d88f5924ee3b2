//! The timestamps of access logs as instants (seconds since 1970-01-01
//! UTC), read by hand for speed: NCSA `23/Nov/2026:13:00:00 +0200` and
//! ISO 8601 `2026-11-23T11:00:00.250+02:00`. Every field is checked (month,
//! day within its month, leap years, hour, minute, second, offset), so an
//! impossible stamp is refused rather than filed under a made-up time.
//! Years run from 0000 to 9999, as four digits allow.

const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// Days from 1970-01-01 to this date of the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01: (year, month 1-12, day 1-31).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Exactly `bytes.len()` ASCII digits as a number.
fn number(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// A wall-clock time at an offset from UTC, checked, as an instant. A leap
/// second (`:60`) stays in its minute.
fn instant(
    year: u32,
    month: u32,
    day: u32,
    (hour, minute, second): (u32, u32, u32),
    offset: i32,
) -> Option<i64> {
    let year = i64::from(year);
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60;
    valid.then(|| {
        days_from_civil(year, month, day) * 86_400
            + i64::from(hour * 3600 + minute * 60 + second.min(59))
            - i64::from(offset)
    })
}

/// `+0200`, `+02:00` or `-05:30` (and `+02` when `short` is allowed) as
/// seconds east of UTC, within ±23:59.
fn offset(bytes: &[u8], short: bool) -> Option<i32> {
    let (sign, rest) = match bytes.split_first()? {
        (b'+', rest) => (1, rest),
        (b'-', rest) => (-1, rest),
        _ => return None,
    };
    let (hours, minutes) = match rest {
        [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => (number(&[*h1, *h2])?, number(&[*m1, *m2])?),
        [h1, h2] if short => (number(&[*h1, *h2])?, 0),
        _ => return None,
    };
    (hours <= 23 && minutes <= 59).then(|| sign * (hours as i32 * 3600 + minutes as i32 * 60))
}

/// An NCSA stamp, from the byte after `[`: `23/Nov/2026:13:00:00 +0200]`.
/// Without an offset (`...:00]`) it is taken as UTC.
pub fn ncsa(stamp: &[u8]) -> Option<i64> {
    let [d1, d2, b'/', m1, m2, m3, b'/', y1, y2, y3, y4, b':', h1, h2, b':', n1, n2, b':', s1, s2, rest @ ..] =
        stamp
    else {
        return None;
    };
    let month = MONTHS.iter().position(|m| **m == [*m1, *m2, *m3])? as u32 + 1;
    let zone = match rest {
        [b']', ..] => 0,
        [b' ', sign, a, b, c, d, b']', ..] => offset(&[*sign, *a, *b, *c, *d], false)?,
        _ => return None,
    };
    instant(
        number(&[*y1, *y2, *y3, *y4])?,
        month,
        number(&[*d1, *d2])?,
        (
            number(&[*h1, *h2])?,
            number(&[*n1, *n2])?,
            number(&[*s1, *s2])?,
        ),
        zone,
    )
}

/// An ISO 8601 stamp, the whole of `stamp`: `2026-11-23T11:00:00Z`, with
/// `T` or a space between date and time, optional fractional seconds, and
/// `Z`, `+02:00`, `+0200`, `+02` or no offset at all (then UTC).
pub fn iso(stamp: &[u8]) -> Option<i64> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2, b'T' | b't' | b' ', h1, h2, b':', n1, n2, b':', s1, s2, rest @ ..] =
        stamp
    else {
        return None;
    };
    let rest = match rest {
        [b'.' | b',', fraction @ ..] => {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            &fraction[digits..]
        }
        _ => rest,
    };
    let zone = match rest {
        [] | [b'Z' | b'z'] => 0,
        _ => offset(rest, true)?,
    };
    instant(
        number(&[*y1, *y2, *y3, *y4])?,
        number(&[*m1, *m2])?,
        number(&[*d1, *d2])?,
        (
            number(&[*h1, *h2])?,
            number(&[*n1, *n2])?,
            number(&[*s1, *s2])?,
        ),
        zone,
    )
}

/// `--since`/`--until`: an ISO 8601 time (`2024-05-01T12:00:00Z`,
/// `2024-05-01 12:00:00+02:00`), a date alone (its midnight, UTC), or a
/// log stamp as NCSA writes it (`01/May/2024:12:00:00 +0000`, brackets
/// optional). Without a zone, UTC.
pub fn parse_instant(text: &str) -> Result<i64, String> {
    let t = text.trim().trim_start_matches('[').trim_end_matches(']');
    let bad = || {
        format!("'{}' is not a time: give 2024-05-01T12:00:00Z, 2024-05-01, or 01/May/2024:12:00:00 +0000", crate::escape::shown(text))
    };
    if t.len() == 10 && t.as_bytes().get(4) == Some(&b'-') {
        return iso(format!("{t}T00:00:00Z").as_bytes()).ok_or_else(bad);
    }
    if let Some(at) = iso(t.as_bytes()) {
        return Ok(at);
    }
    ncsa(format!("{t}]").as_bytes()).ok_or_else(bad)
}

/// `--tz`: `UTC` or `Z` (any case), or a fixed offset `+02:00`, `+0200`,
/// `-05:30`, as seconds east of UTC.
pub fn parse_tz(text: &str) -> Result<i32, String> {
    if text.eq_ignore_ascii_case("utc") || text.eq_ignore_ascii_case("z") {
        return Ok(0);
    }
    offset(text.as_bytes(), false).ok_or_else(|| {
        "expected UTC, Z or an offset from UTC such as +02:00, +0200 or -05:30 (at most 23:59)"
            .to_string()
    })
}

/// `Z` for UTC, else `+02:00` or `-05:30`.
pub fn offset_label(offset: i32) -> String {
    if offset == 0 {
        return "Z".to_string();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The wall clock at `offset` for the instant `at`:
/// (year, month, day, hour, minute, second).
pub fn local(at: i64, offset: i32) -> (i64, u32, u32, u32, u32, u32) {
    let local = at + i64::from(offset);
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    let second = local.rem_euclid(86_400) as u32;
    (
        year,
        month,
        day,
        second / 3600,
        second / 60 % 60,
        second % 60,
    )
}

/// RFC 3339 at `offset`: `2026-11-23T12:00:00+02:00`, or `...Z` for UTC.
pub fn rfc3339(at: i64, offset: i32) -> String {
    let (year, month, day, hour, minute, second) = local(at, offset);
    format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{}",
        offset_label(offset)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic_round_trips() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(0, 1, 1), -719_528);
        for days in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn ncsa_and_iso_name_the_same_instant() {
        let at = 1_795_431_600; // 2026-11-23T11:00:00Z
        assert_eq!(ncsa(b"23/Nov/2026:13:00:00 +0200]"), Some(at));
        assert_eq!(ncsa(b"23/Nov/2026:11:00:00 +0000]"), Some(at));
        assert_eq!(ncsa(b"23/Nov/2026:05:30:00 -0530] \"GET"), Some(at));
        assert_eq!(ncsa(b"23/Nov/2026:11:00:00]"), Some(at));
        for stamp in [
            &b"2026-11-23T11:00:00Z"[..],
            b"2026-11-23T11:00:00",
            b"2026-11-23 11:00:00Z",
            b"2026-11-23T11:00:00.123456Z",
            b"2026-11-23T13:00:00+02:00",
            b"2026-11-23T13:00:00.5+0200",
            b"2026-11-23T13:00:00+02",
            b"2026-11-23T05:30:00-05:30",
        ] {
            assert_eq!(iso(stamp), Some(at), "{}", String::from_utf8_lossy(stamp));
        }
        assert_eq!(rfc3339(at, 0), "2026-11-23T11:00:00Z");
        assert_eq!(rfc3339(at, 7200), "2026-11-23T13:00:00+02:00");
        assert_eq!(rfc3339(at, -19_800), "2026-11-23T05:30:00-05:30");
    }

    #[test]
    fn impossible_stamps_are_refused() {
        for stamp in [
            &b"99/Foo/0000:77:00:00 +0000]"[..],
            b"23/Nov/2026:24:00:00 +0000]",
            b"31/Apr/2026:10:00:00 +0000]",
            b"29/Feb/2026:10:00:00 +0000]",
            b"23/Nov/2026:10:60:00 +0000]",
            b"23/Nov/2026:10:00:61 +0000]",
            b"23/Nov/2026:10:00:00 +2400]",
            b"23/Nov/2026:10:00:00 +0060]",
            b"23/nov/2026:10:00:00 +0000]",
            b"23/Nov/2026:10:00:00 0000]",
            b"23/Nov/2026:10:00",
            b"",
        ] {
            assert_eq!(ncsa(stamp), None, "{}", String::from_utf8_lossy(stamp));
        }
        assert!(ncsa(b"29/Feb/2024:10:00:00 +0000]").is_some());
        assert!(ncsa(b"29/Feb/2000:10:00:00 +0000]").is_some());
        assert!(ncsa(b"29/Feb/1900:10:00:00 +0000]").is_none());
        for stamp in [
            &b"2026-02-30T10:00:00Z"[..],
            b"2026-13-01T10:00:00Z",
            b"2026-00-01T10:00:00Z",
            b"2026-11-23T10:00:00.Z",
            b"2026-11-23T10:00:00+24:00",
            b"2026-11-23T10:00:00Zjunk",
            b"2026-11-23T10:00Z",
            b"2026-11-23",
            b"+2026-11-23T10:00:00Z",
        ] {
            assert_eq!(iso(stamp), None, "{}", String::from_utf8_lossy(stamp));
        }
        // A leap second stays in its minute.
        assert_eq!(iso(b"2016-12-31T23:59:60Z"), iso(b"2016-12-31T23:59:59Z"));
    }

    #[test]
    fn tz_values() {
        assert_eq!(parse_tz("UTC"), Ok(0));
        assert_eq!(parse_tz("z"), Ok(0));
        assert_eq!(parse_tz("+02:00"), Ok(7200));
        assert_eq!(parse_tz("+0200"), Ok(7200));
        assert_eq!(parse_tz("-05:30"), Ok(-19_800));
        for bad in [
            "",
            "+2",
            "+02",
            "CET",
            "+24:00",
            "02:00",
            "+02:60",
            "+02:00:00",
        ] {
            assert!(parse_tz(bad).is_err(), "{bad}");
        }
    }
}
