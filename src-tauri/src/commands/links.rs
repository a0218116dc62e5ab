//! Opening a link from the preview in the system's browser (or mail program), once the editor
//! has confirmed the URL. The app's own window never follows a link. Only web and mail links are
//! opened: other schemes (`file:`, `javascript:`, custom handlers) could run or reveal something
//! on this computer.

use studio::{ErrorKind, StudioError};
use url::Url;

/// The schemes a preview link may open with.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The link as a URL the system may open, or an `invalid_input` error saying why not.
pub fn checked_link(raw: &str) -> Result<Url, StudioError> {
    let url = Url::parse(raw.trim()).map_err(|_| {
        StudioError::invalid_input(
            "This link is not a complete web address, so it cannot be opened. Links in a \
             training should start with https://, http:// or mailto:.",
        )
    })?;
    if !ALLOWED_SCHEMES.contains(&url.scheme()) {
        return Err(StudioError::invalid_input(format!(
            "Only web (https://, http://) and email (mailto:) links open from the preview; \
             this one starts with {}:, so it was not opened.",
            url.scheme()
        )));
    }
    if url.scheme() != "mailto" && url.host_str().is_none_or(str::is_empty) {
        return Err(StudioError::invalid_input(
            "This web link names no website, so it cannot be opened. Check the link in the \
             training's text.",
        ));
    }
    Ok(url)
}

/// Opens `url` with the system's default handler (xdg-open on Linux), without waiting for it.
#[tauri::command]
pub async fn open_link(url: String) -> Result<(), StudioError> {
    let link = checked_link(&url)?;
    open::that_detached(link.as_str()).map_err(|e| {
        tracing::warn!(error = %e, scheme = link.scheme(), "could not start the system's opener");
        StudioError::new(
            ErrorKind::Unsupported,
            "No program to open links was found on this computer. Copy the link and paste it \
             into your web browser instead.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_pass_as_they_are() {
        for link in [
            "https://help.northwind.example/refunds",
            "http://example.com/a?b=c#d",
            "mailto:support@northwind.example?subject=Hi",
            "  https://example.com  ",
        ] {
            let url = checked_link(link).unwrap();
            assert!(url
                .as_str()
                .starts_with(link.trim().split(':').next().unwrap()));
        }
    }

    #[test]
    fn other_schemes_and_partial_addresses_are_refused_with_a_sentence() {
        for link in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "vbscript:msgbox(1)",
            "ftp://example.com/file",
            "tauri://localhost/",
            "/relative/path",
            "#section",
            "example.com",
            "",
            "http://",
        ] {
            let err = checked_link(link).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{link}");
            assert!(err.message().ends_with('.'), "{link}: {}", err.message());
        }
        assert!(checked_link("javascript:x")
            .unwrap_err()
            .message()
            .contains("starts with javascript:"));
    }
}
