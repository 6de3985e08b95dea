//! English and other romanised forms.

use super::*;

#[test]
fn english() {
    check_table(
        Some(Lang::En),
        &[
            (
                "December 1890",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "27 Dec 1941",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "27 Dec. 1941",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "Dec. 27, 1941",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "December 27, 1941",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "27th December 1941",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "December 27th, 1941",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "1st of May 1937",
                "1937-05-01 1937-05-01 day gregorian exact 1937-05-01",
            ),
            (
                "2nd Jan 1938",
                "1938-01-02 1938-01-02 day gregorian exact 1938-01-02",
            ),
            (
                "3rd Sept. 1938",
                "1938-09-03 1938-09-03 day gregorian exact 1938-09-03",
            ),
            (
                "Sep 1938",
                "1938-09-01 1938-09-30 month gregorian exact 1938-09",
            ),
            (
                "February 1940",
                "1940-02-01 1940-02-29 month gregorian exact 1940-02",
            ),
            (
                "Aug 5, 1937",
                "1937-08-05 1937-08-05 day gregorian exact 1937-08-05",
            ),
            (
                "1937 Aug 5",
                "1937-08-05 1937-08-05 day gregorian exact 1937-08-05",
            ),
            (
                "JANUARY 5 1938",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "c. 1890",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "c.1890",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "ca. 1890",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "circa 1890",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "Circa 1890?",
                "1890-01-01 1890-12-31 year unknown approximate_uncertain 1890%",
            ),
            (
                "about 1902",
                "1902-01-01 1902-12-31 year unknown approximate 1902~",
            ),
            (
                "early 1920s",
                "1920-01-01 1923-12-31 range gregorian exact 1920/1923",
            ),
            (
                "mid-1930s",
                "1934-01-01 1936-12-31 range gregorian exact 1934/1936",
            ),
            (
                "late 1930s",
                "1937-01-01 1939-12-31 range gregorian exact 1937/1939",
            ),
            (
                "from 1937 to 1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "May 1937 – June 1938",
                "1937-05-01 1938-06-30 range gregorian exact 1937-05/1938-06",
            ),
            (
                "25 October 1917 O.S.",
                "1917-11-07 1917-11-07 day julian exact 1917-11-07",
            ),
            (
                "7 November 1917 N.S.",
                "1917-11-07 1917-11-07 day gregorian exact 1917-11-07",
            ),
            (
                "Dec '41",
                "error: two-digit year 41: the century is unknown, write four digits",
            ),
        ],
    );
}
