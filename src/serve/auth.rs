//! Who may use the desk: the access token (when one is set, on every request), a `Host` guard
//! against DNS rebinding when there is none, and the guard of writing requests (the `Origin` or
//! `Referer` must be the desk itself, and the form must carry the process's CSRF secret).

use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};

/// The cookie that carries the access token once `?token=` was given.
pub const TOKEN_COOKIE: &str = "rehab_token";

/// The cookie that carries the chosen language.
pub const LANG_COOKIE: &str = "rehab_lang";

/// What a request may do, as the guard decided.
#[derive(Debug, PartialEq, Eq)]
pub enum Access {
    /// Go on to the page.
    Allow,
    /// The token came in the query: set it as a cookie and send the browser to this address
    /// without it.
    SetCookie {
        /// The same path and query, less `token`.
        location: String,
    },
    /// Refused with this status.
    Refuse(StatusCode),
}

/// The guard's settings: the access token, if any.
#[derive(Debug, Clone)]
pub struct Guard {
    token: Option<String>,
}

impl Guard {
    /// A guard with an access token (none: the desk is bound to the loopback interface only).
    pub fn new(token: Option<String>) -> Guard {
        Guard {
            token: token.filter(|t| !t.is_empty()),
        }
    }

    /// Whether an access token is in force.
    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// Decides on a request from its method, address and headers.
    pub fn check(&self, method: &Method, uri: &Uri, headers: &HeaderMap) -> Access {
        let Some(host) = header_text(headers, header::HOST) else {
            return Access::Refuse(StatusCode::BAD_REQUEST);
        };
        match &self.token {
            None if !is_loopback_host(host) => return Access::Refuse(StatusCode::FORBIDDEN),
            None => {}
            Some(token) => {
                if let Some(given) = query_value(uri, "token") {
                    return match same_secret(&given, token) {
                        true => Access::SetCookie {
                            location: without_param(uri, "token"),
                        },
                        false => Access::Refuse(StatusCode::UNAUTHORIZED),
                    };
                }
                if !presented(headers).iter().any(|t| same_secret(t, token)) {
                    return Access::Refuse(StatusCode::UNAUTHORIZED);
                }
            }
        }
        if !matches!(*method, Method::GET | Method::HEAD) && !same_origin(headers, host) {
            return Access::Refuse(StatusCode::FORBIDDEN);
        }
        Access::Allow
    }

    /// The `Set-Cookie` value that keeps the token in the browser.
    pub fn token_cookie(&self) -> Option<HeaderValue> {
        let token = self.token.as_ref()?;
        let value = format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
        HeaderValue::from_str(&value).ok()
    }
}

/// A new CSRF secret for this process: 32 random bytes as hex.
pub fn new_csrf_secret() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(given: &str, expected: &str) -> bool {
    let (g, e) = (given.as_bytes(), expected.as_bytes());
    if g.len() != e.len() {
        return false;
    }
    g.iter().zip(e).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The tokens a request presents: `Authorization: Bearer`, `X-Rehab-Token` and the cookie.
fn presented(headers: &HeaderMap) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(auth) = header_text(headers, header::AUTHORIZATION)
        && let Some(t) = auth.strip_prefix("Bearer ")
    {
        found.push(t.trim().to_string());
    }
    if let Some(t) = header_text(headers, "x-rehab-token") {
        found.push(t.trim().to_string());
    }
    found.extend(cookie(headers, TOKEN_COOKIE));
    found
}

/// The value of a cookie, if the request carries it.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn header_text(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Whether a `Host` header names this machine: `localhost`, `127.x.x.x` or `[::1]`, any port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether a writing request comes from a page of this desk: its `Origin` (else `Referer`) is
/// `http://HOST` with the request's own `Host`.
fn same_origin(headers: &HeaderMap, host: &str) -> bool {
    let own = format!("http://{host}");
    if let Some(origin) = header_text(headers, header::ORIGIN) {
        return origin == own;
    }
    header_text(headers, header::REFERER)
        .is_some_and(|r| r == own || r.starts_with(&format!("{own}/")))
}

/// A query parameter's decoded value.
pub fn query_value(uri: &Uri, name: &str) -> Option<String> {
    let pairs = axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri).ok()?;
    pairs.0.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// The path and query of an address without one parameter.
pub fn without_param(uri: &Uri, name: &str) -> String {
    let kept: Vec<&str> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
        .collect();
    match kept.is_empty() {
        true => uri.path().to_string(),
        false => format!("{}?{}", uri.path(), kept.join("&")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(host: &str, extra: &[(&str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, host.parse().expect("host"));
        for (k, v) in extra {
            headers.insert(
                header::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                v.parse().expect("value"),
            );
        }
        headers
    }

    #[test]
    fn without_a_token_only_a_loopback_host_is_served() {
        let guard = Guard::new(None);
        let uri: Uri = "/".parse().expect("uri");
        for host in ["127.0.0.1:8080", "localhost:1", "[::1]:80", "localhost"] {
            let got = guard.check(&Method::GET, &uri, &request(host, &[]));
            assert_eq!(got, Access::Allow, "{host}");
        }
        let rebound = guard.check(&Method::GET, &uri, &request("evil.example:8080", &[]));
        assert_eq!(rebound, Access::Refuse(StatusCode::FORBIDDEN));
    }

    #[test]
    fn with_a_token_every_request_must_carry_it() {
        let guard = Guard::new(Some("s3cret".into()));
        let uri: Uri = "/person/P1?lang=kk".parse().expect("uri");
        let host = "10.0.0.5:8080";
        let bare = guard.check(&Method::GET, &uri, &request(host, &[]));
        assert_eq!(bare, Access::Refuse(StatusCode::UNAUTHORIZED));
        let wrong = request(host, &[("cookie", "rehab_token=nope")]);
        let got = guard.check(&Method::GET, &uri, &wrong);
        assert_eq!(got, Access::Refuse(StatusCode::UNAUTHORIZED));
        for (k, v) in [
            ("cookie", "a=b; rehab_token=s3cret"),
            ("authorization", "Bearer s3cret"),
            ("x-rehab-token", "s3cret"),
        ] {
            let got = guard.check(&Method::GET, &uri, &request(host, &[(k, v)]));
            assert_eq!(got, Access::Allow, "{k}");
        }
        let once: Uri = "/person/P1?token=s3cret&lang=kk".parse().expect("uri");
        let got = guard.check(&Method::GET, &once, &request(host, &[]));
        assert_eq!(
            got,
            Access::SetCookie {
                location: "/person/P1?lang=kk".into()
            }
        );
    }

    #[test]
    fn a_post_from_another_origin_is_refused() {
        let guard = Guard::new(None);
        let uri: Uri = "/review".parse().expect("uri");
        let host = "127.0.0.1:9000";
        let own = request(host, &[("origin", "http://127.0.0.1:9000")]);
        assert_eq!(guard.check(&Method::POST, &uri, &own), Access::Allow);
        let other = request(host, &[("origin", "http://evil.example")]);
        let refused = Access::Refuse(StatusCode::FORBIDDEN);
        assert_eq!(guard.check(&Method::POST, &uri, &other), refused);
        assert_eq!(
            guard.check(&Method::POST, &uri, &request(host, &[])),
            refused
        );
        let referred = request(host, &[("referer", "http://127.0.0.1:9000/review?skip=1")]);
        assert_eq!(guard.check(&Method::POST, &uri, &referred), Access::Allow);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abd", "abc"));
        assert!(!same_secret("ab", "abc"));
    }
}
