//! Stylesheet processing with lightningcss: parse, minify, and target old browsers still used
//! on government PCs.

use crate::diagnostics::Diagnostic;
use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::targets::{Browsers, Targets};
use std::path::Path;

/// Minifies `css`; a syntax error names the file, line and column.
pub fn minify(css: &str, file: &Path) -> Result<String, Diagnostic> {
    let mut sheet = StyleSheet::parse(
        css,
        ParserOptions {
            filename: file.display().to_string(),
            ..ParserOptions::default()
        },
    )
    .map_err(|e| {
        let mut d = Diagnostic::error(file, format!("stylesheet error: {}", e.kind));
        if let Some(loc) = e.loc {
            d = d.at(loc.line as usize + 1, loc.column as usize);
        }
        d
    })?;
    // Chrome 49 / Firefox 52 / Safari 10 cover the older browsers still found on office PCs.
    let targets = Targets::from(Browsers {
        chrome: Some(49 << 16),
        firefox: Some(52 << 16),
        safari: Some(10 << 16),
        ..Browsers::default()
    });
    sheet
        .minify(MinifyOptions {
            targets,
            ..MinifyOptions::default()
        })
        .map_err(|e| Diagnostic::error(file, format!("stylesheet error: {e}")))?;
    let out = sheet
        .to_css(PrinterOptions {
            minify: true,
            targets,
            ..PrinterOptions::default()
        })
        .map_err(|e| Diagnostic::error(file, format!("stylesheet error: {e}")))?;
    Ok(out.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_and_reports_errors() {
        let out = minify("a {  color : #ff0000 ; }\n", Path::new("s.css")).unwrap();
        assert_eq!(out, "a{color:red}");
        // An error names the line and column in the stylesheet.
        let err = minify("a { color: red }\n\n@media { x", Path::new("s.css")).unwrap_err();
        assert_eq!((err.line, err.column), (Some(3), Some(11)));
        assert!(err.message.starts_with("stylesheet error:"), "{}", err.message);
    }
}
