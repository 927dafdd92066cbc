//! Addresses from settings that end up in a link (`href`) on every page.
//!
//! A link is only ever a web address (`http://` or `https://` with a host) or a path on this
//! site (`/xxgk/licence.html`, `licence/`). Anything else is refused, because a browser would
//! run it (`javascript:`, `data:`, `vbscript:`), open a local file (`file:`), or leave for
//! another host while looking like a path (`//host/…`, `\\host\…`). Browsers drop tabs and line
//! breaks inside an address and trim spaces around it (`java\tscript:` is `javascript:`), so
//! an address with any whitespace or control character is refused too.

use crate::diagnostics::Diagnostic;
use std::path::Path;

/// True when `url` is an `http(s)://host…` address or a path on this site.
pub fn is_linkable(url: &str) -> bool {
    if url.is_empty() || url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\') {
        return false;
    }
    // A colon before the first `/`, `?` or `#` makes the text before it a scheme.
    let head_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    match url[..head_end].find(':') {
        Some(colon) => is_web_address(&url[..colon], &url[colon + 1..]),
        None => !url.starts_with("//"),
    }
}

/// `scheme:rest` is `http(s)://` followed by a host.
fn is_web_address(scheme: &str, rest: &str) -> bool {
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let Some(authority) = rest.strip_prefix("//") else {
        return false;
    };
    let host = &authority[..authority.find(['/', '?', '#']).unwrap_or(authority.len())];
    web && !host.is_empty() && !host.starts_with(':')
}

/// An error for the setting `key` of `file` when `url` cannot be linked; `example` is a line
/// the user could write instead.
pub fn check_url(
    file: &Path,
    key: &str,
    url: &str,
    pos: Option<(usize, usize)>,
    example: impl Into<crate::messages::Text>,
) -> Result<(), Diagnostic> {
    if is_linkable(url) {
        return Ok(());
    }
    Err(Diagnostic::error(
        file,
        crate::msg!(NotLinkable, key, url = url.escape_debug().to_string()),
    )
    .at_opt(pos)
    .help(example))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_and_site_paths_only() {
        for ok in [
            "https://creativecommons.org/licenses/by/4.0/",
            "HTTP://www.example.gov.cn",
            "https://www.example.gov.cn:8443/a?b=c#d",
            "/xxgk/licence.html",
            "licence/",
            "../licence.html",
            "licence.html#cc",
            "a/b:c",
        ] {
            assert!(is_linkable(ok), "{ok:?}");
        }
        for bad in [
            "",
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            " https://www.example.gov.cn/",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "mailto:a@example.gov.cn",
            "//evil.example/",
            "\\\\evil.example\\x",
            "/\\evil.example",
            "https:evil.example",
            "https:/evil.example",
            "https://",
            "https://:443/",
            "https:///path",
            "licence:1",
        ] {
            assert!(!is_linkable(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_error_shows_the_address_escaped() {
        let e = check_url(Path::new("site.toml"), "k", "java\nscript:x", Some((3, 1)), "help").unwrap_err();
        assert_eq!(
            e.to_string(),
            "site.toml:3:1: error: k `java\\nscript:x` is not a web address: only http:// and https:// addresses, or paths on this site, can be linked\n  help: help"
        );
    }
}
