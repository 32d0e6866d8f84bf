//! Redirects of requests that carry configured secrets (a gateway's key, a
//! password, custom headers): ureq would follow them to any host with
//! every header but `Authorization`. Agents follow none; a reply's
//! redirect is followed here only when the site allows it, to the same
//! origin over https, or else it is an error naming where it pointed.

use ureq::http::Uri;

/// Redirects followed in a row, at most, when following is allowed.
pub(crate) const MAX_REDIRECTS: usize = 5;

/// What a reply to a request sent to `url` asks: nothing (`Ok(None)`), to
/// send the same request to another URL of the same https origin
/// (`Ok(Some(url))`, only when `follow`), or a redirect not followed
/// (`Err`: a message naming the host it pointed at).
pub(crate) fn next_url(
    url: &str,
    response: &ureq::http::Response<ureq::Body>,
    follow: bool,
) -> Result<Option<String>, String> {
    if !response.status().is_redirection() {
        return Ok(None);
    }
    let status = response.status().as_u16();
    let Some(location) = response.headers().get("location").and_then(|v| v.to_str().ok()) else {
        return Ok(None);
    };
    let target = resolve(url, location);
    let host = target
        .as_ref()
        .and_then(|t| t.authority())
        .map(|a| {
            a.as_str()
                .rsplit_once('@')
                .map_or(a.as_str(), |(_, host)| host)
                .to_string()
        })
        .unwrap_or_else(|| "an unreadable Location".to_string());
    let not_followed = |why: &str| Err(format!("HTTP {status} redirect to {host} not followed ({why})"));
    if !follow {
        return not_followed("follow_redirects is off");
    }
    let (Some(target), Ok(from)) = (target, url.parse::<Uri>()) else {
        return not_followed("not a URL");
    };
    let same_origin = target.scheme_str() == Some("https")
        && from.scheme_str() == Some("https")
        && target.authority().map(|a| a.as_str()) == from.authority().map(|a| a.as_str());
    if !same_origin {
        return not_followed("only the same https origin is followed");
    }
    Ok(Some(target.to_string()))
}

/// `location` taken relative to `base`, as a browser would (absolute, or
/// a path on the same origin).
fn resolve(base: &str, location: &str) -> Option<Uri> {
    let location = location.trim();
    if location.contains("://") {
        return location.parse().ok();
    }
    let base: Uri = base.parse().ok()?;
    let scheme = base.scheme_str()?;
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{scheme}://{rest}").parse().ok();
    }
    let authority = base.authority()?.as_str();
    let path = if location.starts_with('/') {
        location.to_string()
    } else {
        let dir = base.path().rsplit_once('/').map_or("", |(dir, _)| dir);
        format!("{dir}/{location}")
    };
    format!("{scheme}://{authority}{path}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redirect(location: &str) -> ureq::http::Response<ureq::Body> {
        ureq::http::Response::builder()
            .status(302)
            .header("Location", location)
            .body(ureq::Body::builder().data(""))
            .unwrap()
    }

    #[test]
    fn only_the_same_https_origin_is_followed_and_only_when_allowed() {
        let from = "https://sms.example.org/api/send?key=k";
        assert_eq!(
            next_url(from, &redirect("/v2/send"), true).unwrap().as_deref(),
            Some("https://sms.example.org/v2/send")
        );
        assert_eq!(
            next_url(from, &redirect("https://sms.example.org/x"), true)
                .unwrap()
                .as_deref(),
            Some("https://sms.example.org/x")
        );
        for (location, host) in [
            ("http://sms.example.org/x", "sms.example.org"),
            ("https://evil.example.net/steal", "evil.example.net"),
            ("https://sms.example.org:8443/x", "sms.example.org:8443"),
            ("//evil.example.net/x", "evil.example.net"),
            ("https://user:pw@evil.example.net/x", "evil.example.net"),
        ] {
            let err = next_url(from, &redirect(location), true).unwrap_err();
            assert!(err.contains(host) && !err.contains("pw@"), "{location}: {err}");
        }
        let err = next_url(from, &redirect("/v2/send"), false).unwrap_err();
        assert_eq!(
            err,
            "HTTP 302 redirect to sms.example.org not followed (follow_redirects is off)"
        );
        let ok = ureq::http::Response::builder()
            .status(200)
            .body(ureq::Body::builder().data(""))
            .unwrap();
        assert_eq!(next_url(from, &ok, false), Ok(None));
    }
}
